package com.deskledger.query.web;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event's own global index from a stream's tokens, where the token's position is not it. */
class GlobalIndexesTest {

    @Test
    void anEventThatFillsAGapIsTheGapThatClosedNotTheTokensPosition() {
        GlobalIndexes indexes = new GlobalIndexes();
        assertThat(indexes.next(token(5))).isEqualTo(5);
        // 6 and 7 are still uncommitted when 8 is read
        assertThat(indexes.next(token(8, 6L, 7L))).isEqualTo(8);
        // 7 commits: the token stays at 8, only the gap goes
        assertThat(indexes.next(token(8, 6L))).isEqualTo(7);
        assertThat(indexes.next(token(9, 6L))).isEqualTo(9);
        assertThat(indexes.next(token(9))).isEqualTo(6);
    }

    @Test
    void gapsTheStoreCleanedBetweenTwoReadsAreBelowTheOneFilled() {
        GlobalIndexes indexes = new GlobalIndexes();
        indexes.next(token(20, 3L, 4L, 12L, 15L));
        // the reader gave up 3 and 4 (old) before its next read, in which 12 arrives
        assertThat(indexes.next(token(20, 15L))).isEqualTo(12);
    }

    @Test
    void aReplayTokenIsReadAtItsCurrentPosition() {
        GlobalIndexes indexes = new GlobalIndexes();
        indexes.next(ReplayToken.createReplayToken(token(50), token(10)));
        assertThat(indexes.next(ReplayToken.createReplayToken(token(50), token(11)))).isEqualTo(11);
    }

    @Test
    void refusesATokenThatNeitherAdvancesNorFillsAGap() {
        GlobalIndexes indexes = new GlobalIndexes();
        indexes.next(token(8));
        assertThatThrownBy(() -> indexes.next(token(8))).isInstanceOf(IllegalStateException.class);
    }

    private static GapAwareTrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, List.of(gaps));
    }
}
