package com.deskledger.command.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How often a command that met a concurrent change of its aggregate (another node appended to it first) is tried
 * again, how long to wait before each retry, and how often that happened: {@code retried} counts the attempts that
 * conflicted and were tried again, {@code rejected} the commands answered 409 because the last attempt conflicted too
 * (both on /actuator/prometheus as {@code deskledger_command_conflicts_total{outcome}}).
 */
@Component
public class ConflictRetries {

    private final int retries;
    private final Duration backoff;
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    ConflictRetries(@Value("${deskledger.commands.conflict-retries:3}") int retries,
                    @Value("${deskledger.commands.conflict-backoff:PT0.01S}") Duration backoff) {
        if (retries < 0) {
            throw new IllegalArgumentException("deskledger.commands.conflict-retries must not be negative");
        }
        this.retries = retries;
        this.backoff = backoff;
    }

    /** How many times a conflicting command is tried again before it is answered 409. */
    public int retries() {
        return retries;
    }

    public long retried() {
        return retried.get();
    }

    public long rejected() {
        return rejected.get();
    }

    void countRetry() {
        retried.incrementAndGet();
    }

    void countRejection() {
        rejected.incrementAndGet();
    }

    /**
     * Waits before retry number {@code retry}: a random time up to {@code retry} times the back-off, so that two
     * nodes that collided do not collide again in lockstep.
     */
    void pause(int retry) {
        long maxNanos = backoff.toNanos() * retry;
        if (maxNanos <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(ThreadLocalRandom.current().nextLong(maxNanos / 2, maxNanos + 1)).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
