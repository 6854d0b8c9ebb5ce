package com.deskledger.infra.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are a database outage (503), however they are wrapped, and which are not (a conflict is not). */
class DatabaseOutageTest {

    private static final PSQLException REFUSED = new PSQLException("Connection to localhost:5432 refused",
            PSQLState.CONNECTION_UNABLE_TO_CONNECT);
    private static final PSQLException IO_ERROR = new PSQLException("An I/O error occurred while sending to the backend",
            PSQLState.CONNECTION_FAILURE);
    private static final PSQLException DUPLICATE_KEY = new PSQLException("duplicate key value violates unique constraint",
            PSQLState.UNIQUE_VIOLATION);

    @Test
    void thePoolFindingNoConnectionIsAnOutage() {
        // HikariCP's timeout carries the last connection failure's SQLState, or none
        SQLTransientConnectionException timedOut = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms", "08001", REFUSED);
        assertThat(DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                timedOut))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLTransientConnectionException("request timed out"))).isTrue();
    }

    @Test
    void aConnectionThePoolClosedUnderATransactionIsAnOutage() {
        // HikariCP closes a broken connection; the transaction's next statement meets its closed proxy (no SQLState)
        assertThat(DatabaseOutage.isOutage(new org.axonframework.common.jdbc.JdbcException(
                "Failed to create a SQL statement", new SQLException("Connection is closed")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("some other failure"))).isFalse();
    }

    @Test
    void aConnectionLostUnderAnAxonCommandIsAnOutage() {
        EventStoreException store = new EventStoreException("An event for aggregate [1] could not be stored", IO_ERROR);
        assertThat(DatabaseOutage.isOutage(new CommandExecutionException("failed", store, null))).isTrue();
        assertThat(DatabaseOutage.isOutage(new CompletionException(store))).isTrue();
    }

    @Test
    void noTransactionForAQueryIsAnOutage() {
        CannotCreateTransactionException noTransaction = new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new JDBCConnectionException("Unable to acquire JDBC Connection", REFUSED));
        assertThat(DatabaseOutage.isOutage(new QueryExecutionException("failed", noTransaction))).isTrue();
    }

    @Test
    void aServerShuttingDownOrStartingIsAnOutage() {
        assertThat(DatabaseOutage.isOutage(new JpaSystemException(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("sorry, too many clients already", "53300"))).isTrue();
    }

    @Test
    void aDuplicateKeyIsNeverAnOutage() {
        assertThat(DatabaseOutage.isOutage(new DuplicateKeyException("duplicate", DUPLICATE_KEY))).isFalse();
        assertThat(DatabaseOutage.isOutage(new CommandExecutionException("failed",
                new EventStoreException("could not be stored", DUPLICATE_KEY), null))).isFalse();
        // whatever Spring calls it, the database's own SQLState decides
        assertThat(DatabaseOutage.isOutage(new DataAccessResourceFailureException("odd", DUPLICATE_KEY))).isFalse();
    }

    @Test
    void otherAnswersOfTheDatabaseAreNotOutages() {
        assertThat(DatabaseOutage.isOutage(new SQLException("could not serialize access", "40001"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new SQLException("canceling statement due to statement timeout", "57014")))
                .isFalse();
        assertThat(DatabaseOutage.isOutage(new SQLException("password authentication failed", "28P01"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(DatabaseOutage.isOutage(first)).isFalse();
    }
}
