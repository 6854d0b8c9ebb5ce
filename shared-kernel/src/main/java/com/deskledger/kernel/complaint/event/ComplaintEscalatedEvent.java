package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.EscalationLevel;
import com.deskledger.kernel.complaint.EscalationReason;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The complaint went up from one level to the next; {@code by} is null when a deadline escalated it. The note is
 * sealed with the customer's key (revision 2; revision 1 held it in plain text).
 */
@Revision("2")
public record ComplaintEscalatedEvent(ComplaintId complaintId, EscalationLevel from, EscalationLevel to,
                                      EscalationReason reason, Sealed note, StaffId by, Instant at)
        implements ComplaintEvent {
}
