package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A follow-up call (回访) is due at {@code dueAt}, some days after closing. */
@Revision("1")
public record FollowUpCallScheduledEvent(ComplaintId complaintId, Instant dueAt, Instant at) implements ComplaintEvent {
}
