package com.deskledger.kernel.audit.query;

/**
 * Every event of one aggregate, in order. {@code aggregateType} is the aggregate's class simple name; without
 * {@code revealPersonal} the payloads' personal fields are masked as every view masks them.
 */
public record FindAggregateEventsQuery(String aggregateType, String aggregateId, boolean revealPersonal) {
}
