package com.deskledger.infra.axon;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a duplicate on the event table's (aggregate, sequence) key is a concurrency conflict. */
class EventStreamConflictsTest {

    private final EventStreamConflicts conflicts = new EventStreamConflicts();

    @Test
    void aDuplicateAggregateSequenceIsAConflictAlsoInsideABatchFailure() {
        PSQLException duplicate = duplicateOn("domainevententry_aggregate_sequence_key");
        assertThat(conflicts.isDuplicateKeyViolation(duplicate)).isTrue();
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", "23505", new int[0]);
        batch.setNextException(duplicate);
        assertThat(conflicts.isDuplicateKeyViolation(new RuntimeException(batch))).isTrue();
    }

    @Test
    void aDuplicateOnAnyOtherKeyIsNot() {
        assertThat(conflicts.isDuplicateKeyViolation(duplicateOn("domainevententry_eventidentifier_key"))).isFalse();
        assertThat(conflicts.isDuplicateKeyViolation(duplicateOn("member_identity_centre_identity_hash_key")))
                .isFalse();
        assertThat(conflicts.isDuplicateKeyViolation(new SQLException("deadlock", "40P01"))).isFalse();
        assertThat(conflicts.isDuplicateKeyViolation(new IllegalStateException("not SQL"))).isFalse();
    }

    @Test
    void aDuplicateSnapshotIsOneAxonThenIgnores() {
        assertThat(conflicts.isDuplicateKeyViolation(duplicateOn("snapshotevententry_pkey"))).isTrue();
    }

    private static PSQLException duplicateOn(String constraint) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C23505\0Mduplicate key value violates unique "
                + "constraint \"" + constraint + "\"\0n" + constraint + "\0"));
    }
}
