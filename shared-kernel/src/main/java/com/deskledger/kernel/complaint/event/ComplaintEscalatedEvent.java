package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.EscalationLevel;
import com.deskledger.kernel.complaint.EscalationReason;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The complaint went up from one level to the next; {@code by} is null when a deadline escalated it. */
@Revision("1")
public record ComplaintEscalatedEvent(ComplaintId complaintId, EscalationLevel from, EscalationLevel to,
                                      EscalationReason reason, String note, StaffId by, Instant at)
        implements ComplaintEvent {
}
