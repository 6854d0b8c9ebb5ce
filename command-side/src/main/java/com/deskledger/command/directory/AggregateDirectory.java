package com.deskledger.command.directory;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which centre each aggregate belongs to. Filled by a subscribing processor, so a row is written in the same
 * transaction as the aggregate's first event, and read before a command is dispatched to check the actor's centre.
 * A row never changes once written, so rows read are kept in a bounded in-memory cache: most commands then need no
 * round trip to learn their aggregate's centre. Absent rows are not cached (the aggregate may be created later).
 */
@Component
@ProcessingGroup(AggregateDirectory.PROCESSING_GROUP)
public class AggregateDirectory {

    public static final String PROCESSING_GROUP = "aggregate-directory";

    /** How many aggregates' rows the cache keeps; the least recently used go first. */
    static final int CACHE_SIZE = 100_000;

    private record Entry(String type, CentreId centre) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Entry> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

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
        return entry(aggregateId).map(Entry::centre);
    }

    /** The centre of an aggregate of the given type; empty when there is no such aggregate of that type. */
    public Optional<CentreId> centreOf(String aggregateId, String aggregateType) {
        return entry(aggregateId).filter(e -> e.type().equals(aggregateType)).map(Entry::centre);
    }

    private Optional<Entry> entry(String aggregateId) {
        Entry cached = cache.get(aggregateId);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<Entry> found = jdbc.query("select aggregate_type, centre from aggregate_directory where aggregate_id = ?",
                (row, n) -> new Entry(row.getString(1), CentreId.of(row.getString(2))), aggregateId);
        found.stream().findFirst().ifPresent(e -> cache.put(aggregateId, e));
        return found.stream().findFirst();
    }
}
