package com.deskledger.infra.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Takes a checkpoint every {@code deskledger.audit.checkpoint-interval} when events were appended since the last
 * one. Every node runs this; a node skips its turn when any node took a checkpoint less than most of an interval
 * ago, and checkpoints themselves are serialized by an advisory lock, so several nodes do not pile them up.
 */
@Component
class CheckpointSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final Checkpoints checkpoints;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService timer;

    CheckpointSchedule(Checkpoints checkpoints, JdbcTemplate jdbc, Clock clock, AuditProperties properties) {
        this.checkpoints = checkpoints;
        this.jdbc = jdbc;
        this.clock = clock;
        this.interval = properties.getCheckpointInterval();
    }

    @Override
    public void start() {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "audit-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            Optional<Checkpoint> newest = checkpoints.newest(1).stream().findFirst();
            long highest = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry",
                    Long.class);
            if (newest.isPresent() && (newest.get().highestGlobalIndex() == highest
                    || newest.get().createdAt().isAfter(clock.instant().minus(interval.multipliedBy(9).dividedBy(10))))) {
                return;
            }
            Checkpoint taken = checkpoints.take();
            log.info("Checkpoint {} taken: {} events up to global index {}", taken.id(), taken.eventCount(),
                    taken.highestGlobalIndex());
        } catch (RuntimeException e) {
            log.warn("The periodic checkpoint failed; next try in {}: {}", interval, e.toString());
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
