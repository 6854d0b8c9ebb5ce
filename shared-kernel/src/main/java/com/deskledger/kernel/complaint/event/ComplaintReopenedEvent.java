package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The customer was not satisfied: the complaint is reopened for the {@code reopenCount}-th time. The comment is sealed
 * with the customer's key (revision 2; revision 1 held it in plain text).
 */
@Revision("2")
public record ComplaintReopenedEvent(ComplaintId complaintId, Sealed comment, int reopenCount, StaffId by, Instant at)
        implements ComplaintEvent {
}
