package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.Role;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.Compensation;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A resolution was proposed, with compensation or none; {@code approvalRequiredFrom} is the role that must approve it
 * before the customer is told, or null when the customer was told at once.
 */
@Revision("1")
public record ResolutionProposedEvent(ComplaintId complaintId, String summary, Compensation compensation,
                                      Role approvalRequiredFrom, StaffId by, Instant at) implements ComplaintEvent {
}
