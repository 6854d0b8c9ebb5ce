package com.deskledger.infra.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts running due deadlines once the application (Axon's aggregates included) is ready, and stops before the
 * context shuts Axon down, so no deadline runs against a half-built or half-closed application. With
 * {@code deskledger.deadlines.execute=false} this node still schedules deadlines but leaves running them to others.
 */
class DeadlineSchedulerLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSchedulerLifecycle.class);

    private final Scheduler scheduler;
    private final boolean execute;
    private final AtomicBoolean running = new AtomicBoolean();

    DeadlineSchedulerLifecycle(Scheduler scheduler, boolean execute) {
        this.scheduler = scheduler;
        this.execute = execute;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!execute) {
            log.info("Deadlines are scheduled but not run on this node (deskledger.deadlines.execute=false)");
            return;
        }
        if (running.compareAndSet(false, true)) {
            scheduler.start();
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (running.compareAndSet(true, false)) {
            scheduler.stop();
        }
    }
}
