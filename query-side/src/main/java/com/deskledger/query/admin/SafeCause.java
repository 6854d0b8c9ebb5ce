package com.deskledger.query.admin;

import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Why an event could not be applied, told without personal data: the failing exception's class and, for a database
 * error, its SQLState. Never the message text: PostgreSQL and the JDBC driver echo the values they refuse
 * ({@code Key (phone)=(…)}, a batch entry with its parameters), and a handler's own exception may do the same.
 */
public record SafeCause(String type, String sqlState) {

    /** SQLState classes of failures that say nothing about the event: connection, rollback, resources, shutdown. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    /** lock_not_available; in_failed_sql_transaction (an earlier statement failed: not this event's fault). */
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "25P02");

    public static SafeCause of(Throwable failure) {
        SQLException sql = firstSqlException(failure);
        if (sql != null) {
            return new SafeCause(sql.getClass().getName(), sql.getSQLState());
        }
        Throwable root = failure;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return new SafeCause(root.getClass().getName(), null);
    }

    /** The text kept with a dead letter (Axon's cause message): the SQLState, or nothing that could hold a value. */
    public String message() {
        return sqlState == null ? "no SQLState" : "SQLState " + sqlState;
    }

    /** As Axon's {@link ThrowableCause}, which is what a dead letter stores. */
    public ThrowableCause asCause() {
        return new ThrowableCause(type, message());
    }

    /**
     * Whether the failure may pass by itself (a lost connection, a deadlock, a full queue): then the event is not
     * to blame and is never dead-lettered for it; the processor retries as before.
     */
    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            // Spring files a lost connection (DataAccessResourceFailureException) as non-transient: not here
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof DeadLetterQueueOverflowException
                    || t instanceof InterruptedException || t instanceof Error) {
                return true;
            }
        }
        SQLException sql = firstSqlException(failure);
        if (sql == null || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return TRANSIENT_STATES.contains(state)
                || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)));
    }

    /**
     * Whether the failure came from the database: such a failure, raised in a batch of deferred writes, cannot be
     * pinned on one event of the batch.
     */
    public static boolean isDatabaseFailure(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException || t instanceof org.springframework.dao.DataAccessException
                    || t instanceof jakarta.persistence.PersistenceException
                    || t instanceof org.springframework.transaction.TransactionException) {
                return true;
            }
        }
        return false;
    }

    /** The first SQL error in the chain; of a JDBC batch, the entry's own error behind "batch entry aborted". */
    private static SQLException firstSqlException(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                SQLException next = sql.getNextException();
                return next != null && next.getSQLState() != null ? next : sql;
            }
        }
        return null;
    }
}
