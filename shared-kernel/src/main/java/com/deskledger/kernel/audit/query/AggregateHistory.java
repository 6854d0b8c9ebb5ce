package com.deskledger.kernel.audit.query;

import java.util.List;

/** The full history of one aggregate; {@code centre} is the centre its first event was recorded for. */
public record AggregateHistory(String aggregateType, String aggregateId, String centre, List<AuditedEvent> events) {

    public AggregateHistory {
        events = List.copyOf(events);
    }
}
