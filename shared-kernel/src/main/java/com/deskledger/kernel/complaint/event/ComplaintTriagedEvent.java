package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.Severity;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The complaint's nature and responsible department were judged, and its severity confirmed or corrected. */
@Revision("1")
public record ComplaintTriagedEvent(ComplaintId complaintId, String nature, String department, Severity severity,
                                    Severity previousSeverity, StaffId by, Instant at) implements ComplaintEvent {
}
