package com.deskledger.infra.deadline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A deadline whose execution failed is tried again within seconds, not db-scheduler's default five minutes. */
class DeadlineRetriesTest {

    private static final Instant DONE = Instant.parse("2026-12-07T10:00:00Z");
    private final DeadlineRetries.Backoff<Object> backoff =
            new DeadlineRetries.Backoff<>(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void theFirstFailureIsTriedAgainAfterTheFirstWait() {
        assertThat(backoff.next(DONE, 1)).isEqualTo(DONE.plusSeconds(1));
    }

    @Test
    void eachFurtherFailureDoublesTheWait() {
        assertThat(backoff.next(DONE, 2)).isEqualTo(DONE.plusSeconds(2));
        assertThat(backoff.next(DONE, 3)).isEqualTo(DONE.plusSeconds(4));
        assertThat(backoff.next(DONE, 5)).isEqualTo(DONE.plusSeconds(16));
    }

    @Test
    void theWaitNeverExceedsTheMaximum() {
        assertThat(backoff.next(DONE, 6)).isEqualTo(DONE.plusSeconds(30));
        assertThat(backoff.next(DONE, 1_000)).isEqualTo(DONE.plusSeconds(30));
    }
}
