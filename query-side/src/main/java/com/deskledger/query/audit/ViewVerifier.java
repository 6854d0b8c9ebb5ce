package com.deskledger.query.audit;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.query.admin.DeadLetters;
import com.deskledger.query.admin.ProjectionPauses;
import com.deskledger.query.web.GlobalIndexes;
import com.deskledger.query.web.ProjectionPositions;
import com.deskledger.query.web.ViewEventCounts;
import com.deskledger.query.web.ViewTables;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.aop.support.AopUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Proves a view: rebuilds it from the event store into a shadow schema with the projection's own handlers and
 * compares it row by row with the live tables, and compares the number of events the live processor handled with
 * the number stored that it should have (see {@link ViewEventCounts}). The live projection is paused meanwhile on
 * every node (its view keeps serving reads) so both stand at the same position, and restarted afterwards. Events the
 * view holds as dead letters are left out of the rebuild too, as the live view left them out (they still count as seen: the live
 * processor handled them by queueing them): the verdict then says whether the view holds exactly the rest, and
 * {@code complete} is false (it lacks {@code deadLetters} events).
 */
@Component
class ViewVerifier {

    static final String SHADOW = "deskledger_shadow";
    private static final int BATCH = 1_000;
    private static final int MAX_LISTED = 50;
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final ApplicationContext context;
    private final EventProcessingConfiguration processing;
    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Serializer serializer;
    private final Configuration axon;
    private final ViewEventCounts counts;
    private final DeadLetters deadLetters;
    private final ProjectionPauses pauses;
    private final AtomicBoolean running = new AtomicBoolean();

    ViewVerifier(ApplicationContext context, EventProcessingConfiguration processing, EventStorageEngine storage,
                 JdbcTemplate jdbc, PlatformTransactionManager transactions,
                 @Qualifier("serializer") Serializer serializer, Configuration axon, ViewEventCounts counts,
                 DeadLetters deadLetters, ProjectionPauses pauses) {
        this.context = context;
        this.processing = processing;
        this.storage = storage;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.serializer = serializer;
        this.axon = axon;
        this.counts = counts;
        this.deadLetters = deadLetters;
        this.pauses = pauses;
    }

    /** One table's comparison; rows listed as JSON, at most 50 each way. */
    record TableComparison(String table, long liveRows, long rebuiltRows, long onlyLive, long onlyRebuilt,
                           List<String> onlyInLive, List<String> onlyInRebuilt) {
    }

    /**
     * Events the live processor counted as handled against the events stored that its segments' positions cover and
     * it handles ({@code seen} null: not counted since the view's last replay, see {@link ViewEventCounts}).
     */
    record EventCount(Long seen, long stored, boolean equal) {
    }

    /** The verdict on one view: identical when every table and the event count agree. */
    record ViewVerdict(String view, boolean identical, boolean complete, long deadLetters, long eventsReplayed,
                       Long position, EventCount events, List<TableComparison> tables) {
    }

    /** A segment of the live processor: its committed token and the segment it covers. */
    private record Bound(Segment segment, TrackingToken token) {
    }

    ViewVerdict verify(String view) {
        List<Object> handlers = handlersOf(view);
        List<String> tables = tablesOf(view, handlers);
        StreamingEventProcessor processor = processing.eventProcessor(view, StreamingEventProcessor.class)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_REPLAYABLE, "this view cannot be verified"));
        if (!running.compareAndSet(false, true)) {
            throw new DomainException(ErrorCode.VERIFICATION_IN_PROGRESS, "a verification is already running");
        }
        try {
            // the live processor pauses on every node (ProjectionPauses), so no segment moves while the view is
            // rebuilt; it runs again everywhere afterwards
            return pauses.whilePaused(view, ProjectionPauses.Reason.VERIFY, () -> {
                try {
                    List<Bound> bounds = committedBounds(view);
                    Map<Integer, Optional<Long>> counted = counts.counts(view);
                    Set<String> deadLettered = new HashSet<>(deadLetters.eventIds(view));
                    createShadow(tables);
                    long[] stored = {0};
                    long replayed = rebuild(handlers, bounds, invokerOf(processor), stored, deadLettered);
                    List<TableComparison> comparisons = tables.stream().map(this::compare).toList();
                    EventCount events = eventCount(counted, stored[0]);
                    boolean identical = comparisons.stream()
                            .allMatch(c -> c.onlyLive() == 0 && c.onlyRebuilt() == 0)
                            && (events.seen() == null || events.equal());
                    Long position = bounds.stream()
                            .map(b -> b.token() == null ? -1L : b.token().position().orElse(-1))
                            .min(Long::compare).orElse(null);
                    return new ViewVerdict(view, identical, deadLettered.isEmpty(), deadLettered.size(), replayed,
                            position, events, comparisons);
                } finally {
                    jdbc.execute("drop schema if exists " + SHADOW + " cascade");
                }
            });
        } finally {
            running.set(false);
        }
    }

    /** The counts summed over segments (a split or merged segment leaves its share in a row of its own). */
    private static EventCount eventCount(Map<Integer, Optional<Long>> counted, long stored) {
        Long seen = counted.values().stream().anyMatch(Optional::isEmpty) ? null
                : counted.values().stream().mapToLong(Optional::get).sum();
        return new EventCount(seen, stored, seen != null && seen == stored);
    }

    private static EventHandlerInvoker invokerOf(StreamingEventProcessor processor) {
        if (processor instanceof AbstractEventProcessor axon) {
            return axon.eventHandlerInvoker();
        }
        throw new DomainException(ErrorCode.NOT_REPLAYABLE, "this view cannot be verified");
    }

    private List<Object> handlersOf(String view) {
        List<Object> handlers = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            ProcessingGroup group = AopUtils.getTargetClass(bean).getAnnotation(ProcessingGroup.class);
            if (group != null && group.value().equals(view)) {
                handlers.add(bean);
            }
        }
        if (handlers.isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such view");
        }
        return handlers;
    }

    private static List<String> tablesOf(String view, List<Object> handlers) {
        List<String> tables = new ArrayList<>();
        for (Object handler : handlers) {
            ViewTables declared = AopUtils.getTargetClass(handler).getAnnotation(ViewTables.class);
            if (declared == null) {
                throw new DomainException(ErrorCode.NOT_REPLAYABLE, "view " + view + " does not declare its tables");
            }
            for (String table : declared.value()) {
                if (!TABLE.matcher(table).matches()) {
                    throw new IllegalStateException("bad table name in @ViewTables");
                }
                tables.add(table);
            }
        }
        return tables;
    }

    private List<Bound> committedBounds(String view) {
        List<Integer> ids = new ArrayList<>();
        List<TrackingToken> tokens = new ArrayList<>();
        jdbc.query("select segment, token, tokentype from tokenentry where processorname = ? order by segment", rs -> {
            byte[] data = rs.getBytes("token");
            String type = rs.getString("tokentype");
            ids.add(rs.getInt("segment"));
            tokens.add(data == null || type == null ? null : (TrackingToken) serializer.deserialize(
                    new SimpleSerializedObject<>(data, byte[].class, new SimpleSerializedType(type, null))));
        }, view);
        int[] all = ids.stream().mapToInt(Integer::intValue).toArray();
        List<Bound> bounds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            bounds.add(new Bound(Segment.computeSegment(ids.get(i), all), tokens.get(i)));
        }
        return bounds;
    }

    private void createShadow(List<String> tables) {
        jdbc.execute("drop schema if exists " + SHADOW + " cascade");
        jdbc.execute("create schema " + SHADOW);
        for (String table : tables) {
            jdbc.execute("create table " + SHADOW + "." + table + " (like public." + table
                    + " including defaults including constraints including indexes)");
        }
    }

    /**
     * Feeds every event the live projection had committed to the projection's own handlers, in transactions whose
     * search path puts the shadow schema first, so the handlers' unqualified table names land in the shadow tables.
     * On the way it counts, into {@code stored}, the events each segment's position covers that the live processor
     * handles in that segment.
     */
    private long rebuild(List<Object> handlers, List<Bound> bounds, EventHandlerInvoker live, long[] stored,
                         Set<String> deadLettered) {
        ParameterResolverFactory parameters = axon.parameterResolverFactory();
        List<AnnotationEventHandlerAdapter> adapters = handlers.stream()
                .map(handler -> new AnnotationEventHandlerAdapter(handler, parameters)).toList();
        long[] count = {0};
        GlobalIndexes indexes = new GlobalIndexes();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            boolean more = true;
            while (more) {
                more = Boolean.TRUE.equals(transaction.execute(status -> {
                    jdbc.execute("set local search_path to " + SHADOW + ", public");
                    int inBatch = 0;
                    while (iterator.hasNext() && inBatch < BATCH) {
                        TrackedEventMessage<?> event = iterator.next();
                        long index = indexes.next(event.trackingToken());
                        int handled = handledBySegments(live, bounds, event, index);
                        stored[0] += handled;
                        if (handled == 0 || deadLettered.contains(event.getIdentifier())) {
                            continue;
                        }
                        for (AnnotationEventHandlerAdapter adapter : adapters) {
                            if (adapter.canHandle(event)) {
                                try {
                                    adapter.handle(event);
                                } catch (Exception e) {
                                    throw new IllegalStateException("rebuilding failed at an event", e);
                                }
                            }
                        }
                        inBatch++;
                        count[0]++;
                    }
                    return iterator.hasNext();
                }));
            }
        }
        return count[0];
    }

    /**
     * In how many of the live segments (one, or none) the event counts: the segment that handles it had passed it.
     * The rebuild applies exactly these events: with several segments each stands at its own position, and an event
     * is in the live view when its own segment had handled it. Not Axon's {@code covers}: a token with a gap (a
     * rolled-back append leaves one until it times out) covers no event after that gap by that definition.
     */
    private static int handledBySegments(EventHandlerInvoker live, List<Bound> bounds, TrackedEventMessage<?> event,
                                         long index) {
        int handled = 0;
        for (Bound bound : bounds) {
            try {
                if (bound.token() != null && ProjectionPositions.holds(bound.token(), index)
                        && live.canHandle(event, bound.segment())) {
                    handled++;
                }
            } catch (Exception e) {
                throw new IllegalStateException("could not tell whether the view handles an event", e);
            }
        }
        return handled;
    }

    private TableComparison compare(String table) {
        String live = "public." + table;
        String rebuilt = SHADOW + "." + table;
        long liveRows = jdbc.queryForObject("select count(*) from " + live, Long.class);
        long rebuiltRows = jdbc.queryForObject("select count(*) from " + rebuilt, Long.class);
        String onlyLiveSql = "(select * from " + live + " except all select * from " + rebuilt + ") d";
        String onlyRebuiltSql = "(select * from " + rebuilt + " except all select * from " + live + ") d";
        long onlyLive = jdbc.queryForObject("select count(*) from " + onlyLiveSql, Long.class);
        long onlyRebuilt = jdbc.queryForObject("select count(*) from " + onlyRebuiltSql, Long.class);
        List<String> liveList = jdbc.queryForList("select row_to_json(d)::text from " + onlyLiveSql
                + " limit " + MAX_LISTED, String.class);
        List<String> rebuiltList = jdbc.queryForList("select row_to_json(d)::text from " + onlyRebuiltSql
                + " limit " + MAX_LISTED, String.class);
        return new TableComparison(table, liveRows, rebuiltRows, onlyLive, onlyRebuilt, liveList, rebuiltList);
    }

}
