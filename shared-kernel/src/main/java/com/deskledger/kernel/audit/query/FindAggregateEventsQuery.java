package com.deskledger.kernel.audit.query;

/** Every event of one aggregate, in order. {@code aggregateType} is the aggregate's class simple name. */
public record FindAggregateEventsQuery(String aggregateType, String aggregateId) {
}
