package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The complaint waits on the customer; the resolution clock stopped with {@code resolutionBusinessSeconds} used. The
 * reason is sealed with the customer's key (revision 2; revision 1 held it in plain text).
 */
@Revision("2")
public record ComplaintPausedEvent(ComplaintId complaintId, Sealed reason, long resolutionBusinessSeconds,
                                   StaffId by, Instant at) implements ComplaintEvent {
}
