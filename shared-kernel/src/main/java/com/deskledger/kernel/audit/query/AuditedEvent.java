package com.deskledger.kernel.audit.query;

import java.time.Instant;
import java.util.Map;

/** One stored event with its metadata (user, roles, centre, correlation and causation ids, client address). */
public record AuditedEvent(long sequence, String type, String revision, Instant timestamp, String eventId,
                           Map<String, Object> metadata, Object payload) {
}
