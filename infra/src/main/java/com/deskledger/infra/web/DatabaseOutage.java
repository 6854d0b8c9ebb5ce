package com.deskledger.infra.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure caused by an unreachable database from every other failure, whatever wraps it: Spring's
 * {@code CannotGetJdbcConnectionException} or {@code CannotCreateTransactionException}, Hibernate's
 * {@code JDBCConnectionException}, Axon's {@code EventStoreException}, {@code JdbcException} or
 * {@code CommandExecutionException}, a {@code CompletionException}.
 *
 * <p>The database's own word decides when there is one: the first {@link SQLException} in the cause chain that
 * carries an SQLState. Connection exceptions (class {@code 08}), a server shutting down or starting up
 * ({@code 57P01}, {@code 57P02}, {@code 57P03}) and no free connection slot ({@code 53300}) are outages; any other
 * state means the database answered, and a duplicate key ({@code 23505}, a concurrency conflict), a serialization
 * failure or a cancelled statement is not an outage. Without an SQLState, the pool's timeout
 * ({@link SQLTransientConnectionException}: HikariCP found no connection within its connection timeout), HikariCP's
 * closed connection and Spring's resource-failure exceptions are.
 */
public final class DatabaseOutage {

    private static final int MAX_DEPTH = 64;
    /**
     * HikariCP's answer, without an SQLState, to any use of a connection it has closed under a transaction because the
     * server went away (seen when the postmaster was killed while a command loaded its aggregate: it answered 500).
     */
    private static final String CLOSED_BY_POOL = "Connection is closed";

    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        boolean resourceFailure = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH && seen.add(t); t = t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && !state.isBlank()) {
                    return isConnectionState(state);
                }
                if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                        || sql instanceof SQLRecoverableException || CLOSED_BY_POOL.equals(sql.getMessage())) {
                    return true;
                }
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException || t instanceof ConnectException) {
                resourceFailure = true;
            }
        }
        return resourceFailure;
    }

    static boolean isConnectionState(String state) {
        return state.startsWith("08")
                || state.equals("57P01") // admin_shutdown: the server is stopping (pg_ctl stop -m fast)
                || state.equals("57P02") // crash_shutdown: another backend crashed, the server restarts
                || state.equals("57P03") // cannot_connect_now: the server is starting up or shutting down
                || state.equals("53300"); // too_many_connections
    }
}
