package com.deskledger.command.directory;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Which centre each aggregate belongs to. Filled by a subscribing processor, so a row is written in the same
 * transaction as the aggregate's first event, and read before a command is dispatched to check the actor's centre.
 */
@Component
@ProcessingGroup(AggregateDirectory.PROCESSING_GROUP)
public class AggregateDirectory {

    public static final String PROCESSING_GROUP = "aggregate-directory";

    private final JdbcTemplate jdbc;

    public AggregateDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CentreScoped event, DomainEventMessage<?> message) {
        jdbc.update("""
                insert into aggregate_directory (aggregate_id, aggregate_type, centre, created_at)
                values (?, ?, ?, ?) on conflict (aggregate_id) do nothing""",
                message.getAggregateIdentifier(), message.getType(), event.centre().value(),
                java.sql.Timestamp.from(message.getTimestamp()));
    }

    public Optional<CentreId> centreOf(String aggregateId) {
        List<String> found = jdbc.queryForList("select centre from aggregate_directory where aggregate_id = ?",
                String.class, aggregateId);
        return found.stream().findFirst().map(CentreId::of);
    }

    /** The centre of an aggregate of the given type; empty when there is no such aggregate of that type. */
    public Optional<CentreId> centreOf(String aggregateId, String aggregateType) {
        List<String> found = jdbc.queryForList("""
                select centre from aggregate_directory where aggregate_id = ? and aggregate_type = ?""",
                String.class, aggregateId, aggregateType);
        return found.stream().findFirst().map(CentreId::of);
    }
}
