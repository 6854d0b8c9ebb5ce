package com.deskledger.query.admin;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a dead letter keeps of a failure, and which failures are never an event's fault. */
class SafeCauseTest {

    @Test
    void keepsTheClassAndSqlStateNeverTheMessage() {
        SQLException refused = new SQLException("ERROR: duplicate key, Key (phone)=(13800001111)", "23505");
        SafeCause cause = SafeCause.of(new DataIntegrityViolationException("insert failed for 13800001111", refused));
        assertThat(cause.type()).isEqualTo(SQLException.class.getName());
        assertThat(cause.sqlState()).isEqualTo("23505");
        assertThat(cause.message()).isEqualTo("SQLState 23505");
        assertThat(cause.asCause().message()).doesNotContain("13800001111");
        assertThat(SafeCause.isTransient(refused)).isFalse();
        assertThat(SafeCause.isDatabaseFailure(refused)).isTrue();
    }

    @Test
    void readsTheBatchEntrysOwnErrorBehindTheBatch() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert ... ('Wang') was aborted",
                "22021", new int[0]);
        batch.setNextException(new SQLException("invalid byte sequence", "22021"));
        assertThat(SafeCause.of(new RuntimeException(batch)).type()).isEqualTo(SQLException.class.getName());
    }

    @Test
    void namesTheRootOfAHandlersOwnFailure() {
        SafeCause cause = SafeCause.of(new IllegalStateException("wrapped", new ArithmeticException("overflow")));
        assertThat(cause.type()).isEqualTo(ArithmeticException.class.getName());
        assertThat(cause.sqlState()).isNull();
        assertThat(cause.message()).isEqualTo("no SQLState");
        assertThat(SafeCause.isDatabaseFailure(new IllegalStateException("x"))).isFalse();
        assertThat(SafeCause.isTransient(new IllegalStateException("x"))).isFalse();
    }

    @Test
    void failuresThatPassByThemselvesAreNeverAnEventsFault() {
        assertThat(SafeCause.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(SafeCause.isTransient(new SQLException("connection lost", "08006"))).isTrue();
        assertThat(SafeCause.isTransient(new SQLException("lock timeout", "55P03"))).isTrue();
        assertThat(SafeCause.isTransient(new SQLException("earlier statement failed", "25P02"))).isTrue();
        assertThat(SafeCause.isTransient(new CannotGetJdbcConnectionException("pool empty"))).isTrue();
        assertThat(SafeCause.isTransient(new CannotAcquireLockException("busy"))).isTrue();
        assertThat(SafeCause.isTransient(new SQLException("value too long", "22001"))).isFalse();
    }
}
