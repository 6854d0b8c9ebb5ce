package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A note on the investigation. */
@Revision("1")
public record InvestigationNoteAddedEvent(ComplaintId complaintId, String text, StaffId by, Instant at)
        implements ComplaintEvent {
}
