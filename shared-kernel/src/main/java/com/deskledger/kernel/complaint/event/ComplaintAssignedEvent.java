package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The complaint was given to a handler; {@code previousHandler} is null for the first assignment. */
@Revision("1")
public record ComplaintAssignedEvent(ComplaintId complaintId, StaffId handler, StaffId previousHandler, StaffId by,
                                     Instant at) implements ComplaintEvent {
}
