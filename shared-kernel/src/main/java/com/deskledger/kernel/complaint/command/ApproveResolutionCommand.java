package com.deskledger.kernel.complaint.command;

import com.deskledger.kernel.Role;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A supervisor or manager approves the pending resolution; {@code actingRole} is the approver's highest role. */
public record ApproveResolutionCommand(@TargetAggregateIdentifier ComplaintId complaintId, Role actingRole,
                                       StaffId by, Instant at) {
}
