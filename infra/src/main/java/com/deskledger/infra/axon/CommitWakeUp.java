package com.deskledger.infra.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wakes the pooled streaming processors as soon as this node commits events. Axon's embedded event store does not
 * tell a stream's reader that events arrived, so a caught-up processor looks again only every 500 ms, and a view
 * lags a command by up to half a second. This source wraps the event store: its streams accept that call-back, and
 * it calls them a few times in the moments after a local commit (the store's own reader fetches the new events
 * from the database first); the same series after another node's commit notice ({@link #committedElsewhere}, see
 * {@code infra.cluster.ClusterNotices}), and every {@code tick} as before, for a notice that was lost. Commits that
 * come within a few milliseconds of the last wake-up share its wake-ups, so a busy node does not flood the
 * processors.
 * <p>
 * A stream that is closed never calls its processor again, even from a wake-up already under way: the call-back
 * belongs to one run of a processor's coordinator, and calling it after the processor was restarted would run a
 * stale coordinator beside the new one.
 * <p>
 * Still needed with Axon 4.13.0: its pooled processor's coordinator still schedules itself every 500 ms when the
 * stream offers no availability call-back, and the embedded store's streams offer none (checked against the
 * framework's source, tags {@code axon-4.12.2..axon-4.13.0}).
 */
final class CommitWakeUp implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    /** After a commit, when to wake the processors: the store's reader needs a moment to fetch the events. */
    private static final long[] AFTER_COMMIT_MILLIS = {0, 5, 20, 60, 150};
    /** Commits within this long of the last series of wake-ups share it (its later wake-ups still come after). */
    private static final long COALESCE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastSeries = new AtomicLong(System.nanoTime() - COALESCE_NANOS);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "processor-wake-up");
        thread.setDaemon(true);
        return thread;
    });

    CommitWakeUp(StreamableMessageSource<TrackedEventMessage<?>> delegate, Duration tick) {
        this.delegate = delegate;
        timer.scheduleWithFixedDelay(this::wake, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called when this node publishes events: wakes the processors once the publishing transaction commits. */
    void published() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> committed());
        } else {
            committed();
        }
    }

    /** Another node committed events (its notice came): the store's reader was woken, so look soon too. */
    void committedElsewhere() {
        committed();
    }

    private void committed() {
        long now = System.nanoTime();
        long last = lastSeries.get();
        if (now - last < COALESCE_NANOS || !lastSeries.compareAndSet(last, now)) {
            return;
        }
        for (long delay : AFTER_COMMIT_MILLIS) {
            timer.schedule(this::wake, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void wake() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                // a processor that is shutting down; its stream is closed and forgotten soon
            }
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Stream(delegate.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return delegate.createTokenSince(duration);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private final class Stream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private volatile Runnable registered;
        private volatile boolean closed;

        Stream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return events.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable guarded = () -> {
                if (!closed) {
                    callback.run();
                }
            };
            Runnable previous = registered;
            if (previous != null) {
                callbacks.remove(previous);
            }
            registered = guarded;
            if (!closed) {
                callbacks.add(guarded);
            }
            return true;
        }

        @Override
        public void close() {
            closed = true;
            Runnable current = registered;
            if (current != null) {
                callbacks.remove(current);
            }
            events.close();
        }
    }
}
