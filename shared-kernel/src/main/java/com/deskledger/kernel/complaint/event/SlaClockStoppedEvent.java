package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.SlaClock;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A clock's goal was reached (first response, or a resolution the customer was told) after {@code businessSeconds} of
 * business time; {@code breached} when its target had passed.
 */
@Revision("1")
public record SlaClockStoppedEvent(ComplaintId complaintId, SlaClock clock, long businessSeconds, boolean breached,
                                   Instant at) implements ComplaintEvent {
}
