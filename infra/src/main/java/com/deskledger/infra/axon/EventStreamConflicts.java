package com.deskledger.infra.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/**
 * Tells Axon's JDBC storage engine which failed append is a concurrency conflict: PostgreSQL's duplicate key
 * (SQLState 23505) on the event table's (aggregate, sequence) key, and nothing else. Another node appended the same
 * sequence number of the same aggregate first, so the command may be tried again on fresh state.
 * <p>
 * Axon's own {@code JdbcSQLErrorCodesResolver} knows only {@code SQLIntegrityConstraintViolationException}, which the
 * PostgreSQL driver never throws, so every conflict between two nodes used to surface as a 500. Other unique keys
 * are not conflicts: a duplicate event identifier is a bug, and business rules enforced by unique keys (one member
 * per identity) keep their own error codes where they are written, outside the append. A duplicate snapshot (two
 * nodes snapshotting one aggregate at the same sequence) is one too, which Axon's snapshot path then ignores.
 */
final class EventStreamConflicts implements PersistenceExceptionResolver {

    /** The unique key of (aggregateidentifier, sequencenumber), named by migration V61. */
    static final String AGGREGATE_SEQUENCE_KEY = "domainevententry_aggregate_sequence_key";
    /** The snapshot table's key: a snapshot another node stored first, which Axon then simply leaves be. */
    static final String SNAPSHOT_KEY = "snapshotevententry_pkey";
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return onAggregateSequenceKey(sql);
            }
        }
        return false;
    }

    private static boolean onAggregateSequenceKey(SQLException exception) {
        if (exception instanceof PSQLException psql) {
            ServerErrorMessage message = psql.getServerErrorMessage();
            return message != null && (AGGREGATE_SEQUENCE_KEY.equals(message.getConstraint())
                    || SNAPSHOT_KEY.equals(message.getConstraint()));
        }
        // a batch failure wraps the statement's own exception
        return exception.getNextException() != null && exception.getNextException() != exception
                && UNIQUE_VIOLATION.equals(exception.getNextException().getSQLState())
                && onAggregateSequenceKey(exception.getNextException());
    }
}
