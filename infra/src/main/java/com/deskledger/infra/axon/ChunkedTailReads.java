package com.deskledger.infra.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The storage engine as the embedded event store sees it, with one change: a tailing read (the store's own reader,
 * which fills the cache of recent events that caught-up views share) ends after {@code chunk} events, and the reader
 * simply reads again from there.
 * <p>
 * Why: Axon 4.12's reader keeps the newest cached event of the moment a read starts in a local variable until the
 * read ends, and a tailing read ends only when it reaches the head of the store. Every event read meanwhile stays
 * reachable from it, whatever the cache's size limit (Axon issue 2954). When a million events arrived at once, one
 * such read held about 300,000 events and ran a 512 MB heap out. With reads of a bounded length, the cache's limit
 * holds again. Reads of a view's own (private) stream and of aggregates are untouched.
 * <p>
 * Still needed with Axon 4.13.0: its {@code EmbeddedEventStore} is the same class as 4.12.2's (checked against the
 * framework's source, tags {@code axon-4.12.2..axon-4.13.0}); drop this once #2954 is fixed upstream.
 */
final class ChunkedTailReads implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final int chunk;

    ChunkedTailReads(EventStorageEngine delegate, int chunk) {
        this.delegate = delegate;
        this.chunk = chunk;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken,
                                                               boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(chunk) : events;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
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
}
