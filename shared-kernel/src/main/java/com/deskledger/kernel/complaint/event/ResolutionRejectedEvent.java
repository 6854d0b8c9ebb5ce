package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The pending resolution was turned down; handling goes on. The reason is sealed with the customer's key (revision 2;
 * revision 1 held it in plain text).
 */
@Revision("2")
public record ResolutionRejectedEvent(ComplaintId complaintId, Sealed reason, StaffId by, Instant at)
        implements ComplaintEvent {
}
