package com.deskledger.query.web;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The global index of each event of one stream read straight from the event store, from the tracking tokens in the
 * order the stream delivers them. An event's token is not its index: for an event that fills a gap (it committed
 * after one with a higher index) the token keeps the highest index seen and only drops the gap. So: a token whose
 * index went up belongs to the event at that index; otherwise the event is the gap that closed. When the store's
 * reader cleans old gaps between two reads it only drops gaps below the first one that was filled, so the largest
 * gap that disappeared is the event's.
 */
public final class GlobalIndexes {

    private GapAwareTrackingToken previous;

    /** The global index of the next event of the stream, given its tracking token. */
    public long next(TrackingToken token) {
        if (!(WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken current)) {
            throw new IllegalStateException("not a token of the JDBC event store: " + token);
        }
        long index;
        if (previous == null || current.getIndex() > previous.getIndex()) {
            index = current.getIndex();
        } else {
            SortedSet<Long> closed = new TreeSet<>(previous.getGaps());
            closed.removeAll(current.getGaps());
            if (closed.isEmpty()) {
                throw new IllegalStateException("an event that neither advances the stream nor fills a gap");
            }
            index = closed.last();
        }
        previous = current;
        return index;
    }
}
