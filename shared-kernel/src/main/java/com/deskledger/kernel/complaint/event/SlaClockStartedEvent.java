package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.SlaClock;
import org.axonframework.serialization.Revision;

import java.time.Duration;
import java.time.Instant;

/**
 * An SLA clock started (at filing, and the resolution clock again at a reopen): {@code target} business time, due at
 * {@code dueAt}.
 */
@Revision("1")
public record SlaClockStartedEvent(ComplaintId complaintId, SlaClock clock, Duration target, Instant dueAt,
                                   Instant at) implements ComplaintEvent {
}
