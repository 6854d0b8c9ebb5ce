package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.Role;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.Compensation;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A resolution was proposed, with compensation or none; {@code approvalRequiredFrom} is the role that must approve it
 * before the customer is told, or null when the customer was told at once. The summary is sealed with the
 * customer's key (revision 2; revision 1 held it in plain text).
 */
@Revision("2")
public record ResolutionProposedEvent(ComplaintId complaintId, Sealed summary, Compensation compensation,
                                      Role approvalRequiredFrom, StaffId by, Instant at) implements ComplaintEvent {
}
