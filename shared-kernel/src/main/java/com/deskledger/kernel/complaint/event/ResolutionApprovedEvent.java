package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The pending resolution was approved and the customer told. */
@Revision("1")
public record ResolutionApprovedEvent(ComplaintId complaintId, StaffId by, Instant at) implements ComplaintEvent {
}
