package com.deskledger.infra.axon;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store whose reader of recent events can be told that another node committed events: its
 * reader otherwise learns of them only at its next look ({@code fetchDelay}, 1 s), since only this node's own commits
 * wake it. Called on a notice from another node (see {@code infra.cluster.ClusterNotices}).
 */
public class WakeableEventStore extends EmbeddedEventStore {

    WakeableEventStore(Builder builder) {
        super(builder);
    }

    /** Another node committed events: the reader fetches them now. */
    public void committedElsewhere() {
        afterCommit(List.of());
    }
}
