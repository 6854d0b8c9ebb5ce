package com.deskledger.kernel.audit.query;

import java.time.Instant;

/** One row of the audit log: an event with who, when, where and why, without its payload. */
public record AuditEventRow(long globalIndex, String eventId, String aggregateType, String aggregateId,
                            Long sequence, String type, Instant occurredAt, String actor, String roles, String centre,
                            String correlationId, String causationId, String clientAddress) {
}
