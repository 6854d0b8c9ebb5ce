package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The customer withdrew the complaint. */
@Revision("1")
public record ComplaintWithdrawnEvent(ComplaintId complaintId, String reason, StaffId by, Instant at)
        implements ComplaintEvent {
}
