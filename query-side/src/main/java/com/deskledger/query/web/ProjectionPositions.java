package com.deskledger.query.web;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-your-own-write: waits until a projection has committed the event at a given global position. It reads the
 * committed tokens from the token store, so it holds whichever node processes the segments: a position returned by
 * one node is honoured by a view read on any other.
 */
@Component
public class ProjectionPositions {

    private static final long POLL_MILLIS = 10;
    /** A segment further behind than this many events is simply waited for. */
    private static final long MAX_LOOK_BACK = 10_000;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Duration maxWait;

    public ProjectionPositions(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer,
                               @Value("${deskledger.consistency.max-wait:PT2S}") Duration maxWait) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.maxWait = maxWait;
    }

    /** Waits at most the configured time; true when the processing group has reached the position. */
    public boolean await(String processingGroup, long position) {
        if (position < 0) {
            return true;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        TrackingToken target = GapAwareTrackingToken.newInstance(position, Collections.emptySet());
        while (true) {
            if (reached(processingGroup, target)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private boolean reached(String processingGroup, TrackingToken target) {
        List<Integer> ids = new ArrayList<>();
        List<TrackingToken> tokens = new ArrayList<>();
        jdbc.query("select segment, token, tokentype from tokenentry where processorname = ?", rs -> {
            byte[] data = rs.getBytes("token");
            String type = rs.getString("tokentype");
            ids.add(rs.getInt("segment"));
            tokens.add(data == null || type == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>(data, byte[].class, new SimpleSerializedType(type, null))));
        }, processingGroup);
        if (tokens.isEmpty() || tokens.contains(null)) {
            return false;
        }
        long wanted = target.position().orElse(-1);
        int[] all = ids.stream().mapToInt(Integer::intValue).toArray();
        Map<Segment, Long> behind = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!holds(tokens.get(i), target)) {
                TrackingToken current = WrappedToken.unwrapLowerBound(tokens.get(i));
                long at = current == null ? -1 : current.position().orElse(-1);
                if (wanted - at > MAX_LOOK_BACK) {
                    return false;
                }
                behind.put(Segment.computeSegment(ids.get(i), all), at);
            }
        }
        return behind.isEmpty() || noneOfTheirs(behind, wanted);
    }

    /**
     * Whether the segments still behind the position have nothing of theirs up to it. With several segments a
     * segment records how far it has read only every {@code idle-token-update} when it handles none of the new
     * events; it does hold every event up to the position when none of the events it has not passed belongs to it
     * (an event's segment follows from its aggregate, the processors' sequencing policy).
     */
    private boolean noneOfTheirs(Map<Segment, Long> behind, long wanted) {
        long from = behind.values().stream().mapToLong(Long::longValue).min().orElse(wanted);
        List<Object[]> events = jdbc.query("""
                select globalindex, aggregateidentifier from domainevententry
                where globalindex > ? and globalindex <= ?""",
                (rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}, from, wanted);
        for (Map.Entry<Segment, Long> segment : behind.entrySet()) {
            for (Object[] event : events) {
                if ((long) event[0] > segment.getValue() && segment.getKey().matches(event[1])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether a processor's token has seen the event with the given tracking token. Gaps below that event's position
     * do not matter: a rolled-back append leaves a gap that is never filled (until it times out), and Axon's
     * {@code covers}, which compares whole gap sets, would say no for every later event until then.
     */
    public static boolean holds(TrackingToken token, TrackingToken target) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware && target instanceof GapAwareTrackingToken wanted) {
            return gapAware.getIndex() >= wanted.getIndex() && !gapAware.getGaps().contains(wanted.getIndex());
        }
        return current != null && current.covers(target);
    }

    /** Whether a processor's token has seen the event with this global index (its own, not its token's position). */
    public static boolean holds(TrackingToken token, long index) {
        return holds(token, GapAwareTrackingToken.newInstance(index, Collections.emptySet()));
    }
}
