package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The customer was satisfied with the resolution: the complaint is closed. */
@Revision("1")
public record ComplaintClosedEvent(ComplaintId complaintId, String comment, StaffId by, Instant at)
        implements ComplaintEvent {
}
