package com.deskledger.infra.integrity;

import com.deskledger.command.web.AppendedPositions;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.axonframework.common.jdbc.JdbcUtils.closeQuietly;

/**
 * Axon's JDBC storage engine, with each append signed in the same transaction, on the same connection: the insert
 * of the events returns what the database stored for them (global index, aggregate, sequence number and the chain
 * hash its trigger computed), and one more statement stores their signatures ({@link EventSignatures}). Every
 * writer of events goes through here: command handlers, deadline handlers on the scheduler's threads, and events
 * published outside an aggregate. Snapshots are not events and are not signed (they are a cache; the audit
 * endpoints ignore them).
 * <p>
 * Axon's own {@code appendEvents} runs the insert batch and discards the statement; this one is the same code (the
 * statement is Axon's, with {@code RETURNING}) keeping the returned rows, which saves a select of the rows just
 * inserted. The highest index appended is handed to {@link AppendedPositions} through the unit of work, which then
 * needs no {@code currval} of its own: a command costs one statement more than before, not two.
 */
public final class SigningEventStorageEngine extends JdbcEventStorageEngine {

    private static final String[] RETURNED = {"globalindex", "aggregateidentifier", "sequencenumber", "hash"};

    private final TransactionManager transactions;
    private final EventSignatures signatures;
    private final Consumer<List<? extends EventMessage<?>>> beforeAppend;

    private SigningEventStorageEngine(Builder builder, TransactionManager transactions, EventSignatures signatures,
                                      Consumer<List<? extends EventMessage<?>>> beforeAppend) {
        super(builder);
        this.transactions = transactions;
        this.signatures = signatures;
        this.beforeAppend = beforeAppend;
    }

    /**
     * The engine that {@code builder} describes (its transaction manager is {@code transactions}), signing, with a
     * rule checked before each append (it may refuse the append by throwing).
     */
    public static SigningEventStorageEngine of(Builder builder, TransactionManager transactions,
                                               EventSignatures signatures,
                                               Consumer<List<? extends EventMessage<?>>> beforeAppend) {
        return new SigningEventStorageEngine(builder.appendEvents(SigningEventStorageEngine::insertReturning),
                transactions, signatures, beforeAppend);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        beforeAppend.accept(events);
        super.appendEvents(events);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            Connection connection = getConnection();
            try {
                List<EventSignatures.Appended> appended = new ArrayList<>(events.size());
                try (PreparedStatement insert = appendEvents(connection, events, serializer)) {
                    insert.executeBatch();
                    try (ResultSet stored = insert.getGeneratedKeys()) {
                        while (stored.next()) {
                            appended.add(new EventSignatures.Appended(stored.getLong(1), stored.getString(2),
                                    stored.getLong(3), stored.getBytes(4)));
                        }
                    }
                }
                if (appended.size() != events.size()) {
                    throw new EventStoreException("the database returned " + appended.size() + " of "
                            + events.size() + " appended events; they cannot be signed");
                }
                signatures.sign(connection, appended);
                long highest = appended.stream().mapToLong(EventSignatures.Appended::globalIndex).max().orElseThrow();
                CurrentUnitOfWork.ifStarted(uow -> uow.root().resources()
                        .merge(AppendedPositions.APPENDED_POSITION, highest, (a, b) -> Math.max((Long) a, (Long) b)));
            } catch (SQLException e) {
                handlePersistenceException(e, events.get(0));
            } finally {
                closeQuietly(connection);
            }
        });
    }

    /** Axon's insert of a batch of events ({@code JdbcEventStorageEngineStatements.appendEvents}), returning rows. */
    private static PreparedStatement insertReturning(Connection connection, EventSchema schema, Class<?> dataType,
                                                     List<? extends EventMessage<?>> events, Serializer serializer,
                                                     TimestampWriter timestampWriter) throws SQLException {
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") "
                + "VALUES (?,?,?,?,?,?,?,?,?)";
        PreparedStatement statement = connection.prepareStatement(sql, RETURNED);
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message,
                    message::getTimestamp);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setObject(8, payload.getData());
            statement.setObject(9, metaData.getData());
            statement.addBatch();
        }
        return statement;
    }
}
