package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The follow-up call was made; {@code satisfied} is null when the customer was not reached. */
@Revision("1")
public record FollowUpCallRecordedEvent(ComplaintId complaintId, boolean reached, Boolean satisfied, String notes,
                                        StaffId by, Instant at) implements ComplaintEvent {
}
