package com.deskledger.infra.notice;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The back-off between failed deliveries of a notice. */
class NoticeDispatcherTest {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(5);

    @Test
    void startsAtTheFirstDelayAndDoublesPerFailure() {
        assertThat(NoticeDispatcher.backOff(FIRST, MAX, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(NoticeDispatcher.backOff(FIRST, MAX, 2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(NoticeDispatcher.backOff(FIRST, MAX, 3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(NoticeDispatcher.backOff(FIRST, MAX, 9)).isEqualTo(Duration.ofSeconds(256));
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        assertThat(NoticeDispatcher.backOff(FIRST, MAX, 10)).isEqualTo(MAX);
        assertThat(NoticeDispatcher.backOff(FIRST, MAX, 50)).isEqualTo(MAX);
        assertThat(NoticeDispatcher.backOff(FIRST, MAX, Integer.MAX_VALUE)).isEqualTo(MAX);
        assertThat(NoticeDispatcher.backOff(Duration.ofMinutes(10), MAX, 1)).isEqualTo(MAX);
    }
}
