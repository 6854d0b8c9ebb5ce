package com.deskledger.infra.axon;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gap timeout must outlast twice the latest an event can commit after its timestamp, or the start fails. */
class CommitBoundTest {

    @Test
    void theDefaultsLeaveAMargin() {
        assertThatCode(() -> AxonConfig.requireGapTimeoutAboveCommitBound(Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofSeconds(30))).doesNotThrowAnyException();
    }

    @Test
    void aGapTimeoutWithinTwiceTheBoundIsRefused() {
        assertThatThrownBy(() -> AxonConfig.requireGapTimeoutAboveCommitBound(Duration.ofMinutes(1),
                Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("gap-timeout");
    }

    @Test
    void noIdleInTransactionLimitIsRefused() {
        assertThatThrownBy(() -> AxonConfig.requireGapTimeoutAboveCommitBound(Duration.ofHours(1),
                Duration.ofSeconds(30), Duration.ZERO))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("idle-in-transaction");
    }
}
