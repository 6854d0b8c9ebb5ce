package com.deskledger.query.admin;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Pauses a view's processor on every node at once, for a replay or a verification asked on any one of them
 * ({@code projection_pause}, migration V111). The asking node writes the view's row and stops its own processor;
 * every node looks at the table every {@code deskledger.cluster.pause-poll} and stops its processor for a paused
 * view, which releases the segments it held; once no other node holds a segment (or the claim of one that died has
 * timed out) the asking node does the work, in one place, then deletes the row and starts its processor again, and
 * the other nodes start theirs at their next look. One pause per view at a time: a second request answers 409.
 */
@Component
public class ProjectionPauses implements SmartLifecycle {

    /** Why a view is paused. */
    public enum Reason { REPLAY, VERIFY }

    private static final Logger log = LoggerFactory.getLogger(ProjectionPauses.class);
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final String self;
    private final Duration poll;
    private final Duration pauseTimeout;
    private final Duration releaseWait;
    private final Duration claimTimeout;
    private final Duration nodeTimeout;
    /** Views this node stopped because another node paused them. */
    private final Set<String> stoppedForOthers = ConcurrentHashMap.newKeySet();
    /** Views this node itself is working on. */
    private final Set<String> mine = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "projection-pauses");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    ProjectionPauses(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                     @Value("${deskledger.node.id}") String self,
                     @Value("${deskledger.cluster.pause-poll:PT0.5S}") Duration poll,
                     @Value("${deskledger.cluster.pause-timeout:PT30S}") Duration pauseTimeout,
                     @Value("${deskledger.cluster.release-wait:PT60S}") Duration releaseWait,
                     @Value("${deskledger.cluster.claim-timeout:PT10S}") Duration claimTimeout,
                     @Value("${deskledger.cluster.node-timeout:PT5S}") Duration nodeTimeout) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.self = self;
        this.poll = poll;
        this.pauseTimeout = pauseTimeout;
        this.releaseWait = releaseWait;
        this.claimTimeout = claimTimeout;
        this.nodeTimeout = nodeTimeout;
    }

    /**
     * Runs {@code work} while the view's processor is stopped on every node and no node holds a segment of it;
     * the processor runs again everywhere afterwards, whatever the outcome.
     */
    public <T> T whilePaused(String view, Reason reason, Supplier<T> work) {
        StreamingEventProcessor processor = processing.eventProcessor(view, StreamingEventProcessor.class)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_REPLAYABLE, "this view cannot be paused"));
        claimPause(view, reason);
        mine.add(view);
        ScheduledFuture<?> renewal = timer.scheduleWithFixedDelay(() -> renew(view), 1, 1, TimeUnit.SECONDS);
        try {
            stop(processor);
            awaitReleased(view);
            return work.get();
        } finally {
            renewal.cancel(false);
            try {
                jdbc.update("delete from projection_pause where processor_name = ? and requested_by = ?", view, self);
            } finally {
                mine.remove(view);
                if (!processor.isRunning()) {
                    processor.start();
                }
            }
        }
    }

    /** The paused views, with the node that asked and why (for the admin's list). */
    public List<Pause> pauses() {
        return jdbc.query("""
                select processor_name, reason, requested_by, requested_at from projection_pause
                where heartbeat_at > now() - make_interval(secs => ?) order by processor_name""",
                (rs, n) -> new Pause(rs.getString("processor_name"), rs.getString("reason"),
                        rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant()),
                seconds(pauseTimeout));
    }

    /** A view paused on every node. */
    public record Pause(String view, String reason, String requestedBy, Instant since) {
    }

    private void claimPause(String view, Reason reason) {
        // a pause whose node stopped renewing it (died) is over
        jdbc.update("delete from projection_pause where processor_name = ? "
                + "and heartbeat_at < now() - make_interval(secs => ?)", view, seconds(pauseTimeout));
        int inserted = jdbc.update("""
                insert into projection_pause (processor_name, reason, requested_by, requested_at, heartbeat_at)
                values (?, ?, ?, now(), now()) on conflict (processor_name) do nothing""", view, reason.name(), self);
        if (inserted == 0) {
            String running = jdbc.queryForList("select reason from projection_pause where processor_name = ?",
                    String.class, view).stream().findFirst().orElse(reason.name());
            throw Reason.VERIFY.name().equals(running)
                    ? new DomainException(ErrorCode.VERIFICATION_IN_PROGRESS, "a verification of this view is running")
                    : new DomainException(ErrorCode.REPLAY_IN_PROGRESS, "a replay of this view is being started");
        }
        log.info("Paused {} on every node ({})", view, reason);
    }

    private void renew(String view) {
        try {
            jdbc.update("update projection_pause set heartbeat_at = now() where processor_name = ? "
                    + "and requested_by = ?", view, self);
        } catch (DataAccessException e) {
            log.debug("could not renew the pause of {}: {}", view, e.getClass().getSimpleName());
        }
    }

    /**
     * Waits until no other node holds a segment of the view: its claim is released, or it belongs to a node that
     * is gone (no heartbeat within the node timeout) and has not been renewed within the claim timeout.
     */
    private void awaitReleased(String view) {
        long deadline = System.nanoTime() + releaseWait.toNanos();
        while (true) {
            List<String> held = heldElsewhere(view);
            if (held.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("segments of " + view + " still held by " + held);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pausing " + view, e);
            }
        }
    }

    private List<String> heldElsewhere(String view) {
        Set<String> live = new HashSet<>(jdbc.queryForList("""
                select node_id from cluster_node where heartbeat_at > now() - make_interval(secs => ?)""",
                String.class, seconds(nodeTimeout)));
        Instant expired = Instant.now().minus(claimTimeout);
        return jdbc.query("select owner, timestamp from tokenentry where processorname = ? and owner is not null",
                        (rs, n) -> {
                            String owner = rs.getString("owner");
                            if (self.equals(owner)) {
                                return null;
                            }
                            boolean claimAlive = live.contains(owner) || !olderThan(rs.getString("timestamp"), expired);
                            return claimAlive ? owner : null;
                        }, view).stream()
                .filter(owner -> owner != null).distinct().toList();
    }

    private static boolean olderThan(String timestamp, Instant limit) {
        try {
            return timestamp == null || Instant.parse(timestamp).isBefore(limit);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Every node: stops the processors of views another node paused, and starts them again once unpaused. */
    private void follow() {
        Set<String> paused;
        try {
            paused = new HashSet<>(jdbc.queryForList("""
                    select processor_name from projection_pause
                    where heartbeat_at > now() - make_interval(secs => ?) and requested_by <> ?""",
                    String.class, seconds(pauseTimeout), self));
        } catch (DataAccessException e) {
            return;
        }
        for (String view : paused) {
            if (mine.contains(view)) {
                continue;
            }
            processing.eventProcessor(view, StreamingEventProcessor.class).ifPresent(processor -> {
                if (stoppedForOthers.add(view)) {
                    log.info("Pausing {}: another node replays or verifies it", view);
                    stop(processor);
                }
            });
        }
        for (String view : Set.copyOf(stoppedForOthers)) {
            if (!paused.contains(view)) {
                stoppedForOthers.remove(view);
                EventProcessor processor = processing.eventProcessors().get(view);
                if (processor != null && !processor.isRunning() && !mine.contains(view)) {
                    log.info("Resuming {}", view);
                    processor.start();
                }
            }
        }
    }

    private static void stop(StreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pausing a projection", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not pause a projection", e);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    @Override
    public void start() {
        running = true;
        timer.scheduleWithFixedDelay(() -> {
            try {
                follow();
            } catch (RuntimeException e) {
                log.debug("following the pauses failed: {}", e.getClass().getSimpleName());
            }
        }, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
