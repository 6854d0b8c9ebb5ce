package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The customer came back; the resolution clock runs again, due at {@code resolutionDueAt} (null when already
 * breached).
 */
@Revision("1")
public record ComplaintResumedEvent(ComplaintId complaintId, Instant resolutionDueAt, StaffId by, Instant at)
        implements ComplaintEvent {
}
