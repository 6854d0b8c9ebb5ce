package com.deskledger.query.web;

import org.axonframework.eventhandling.GapAwareTrackingToken;
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
import java.util.Collections;
import java.util.List;

/**
 * Read-your-own-write: waits until a projection has committed the event at a given global position. It reads the
 * committed tokens from the token store, so it holds whichever node processes the segments.
 */
@Component
public class ProjectionPositions {

    private static final long POLL_MILLIS = 10;

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
        List<TrackingToken> tokens = jdbc.query(
                "select token, tokentype from tokenentry where processorname = ?",
                (rs, n) -> {
                    byte[] data = rs.getBytes("token");
                    String type = rs.getString("tokentype");
                    if (data == null || type == null) {
                        return null;
                    }
                    return serializer.deserialize(
                            new SimpleSerializedObject<>(data, byte[].class, new SimpleSerializedType(type, null)));
                }, processingGroup);
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> token != null && holds(token, target));
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
