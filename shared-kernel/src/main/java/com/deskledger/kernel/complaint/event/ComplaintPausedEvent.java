package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The complaint waits on the customer; the resolution clock stopped with {@code resolutionBusinessSeconds} used. */
@Revision("1")
public record ComplaintPausedEvent(ComplaintId complaintId, String reason, long resolutionBusinessSeconds,
                                   StaffId by, Instant at) implements ComplaintEvent {
}
