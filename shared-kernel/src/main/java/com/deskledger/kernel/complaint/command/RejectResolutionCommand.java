package com.deskledger.kernel.complaint.command;

import com.deskledger.kernel.Role;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A supervisor or manager turns the pending resolution down, saying why; the handler proposes another. */
public record RejectResolutionCommand(@TargetAggregateIdentifier ComplaintId complaintId, String reason,
                                      Role actingRole, StaffId by, Instant at) {
}
