package com.deskledger.kernel.complaint.command;

import com.deskledger.kernel.Role;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.Compensation;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A resolution, optionally with compensation. {@code actingRole} is the proposer's highest desk role
 * (RECEPTIONIST, SUPERVISOR or MANAGER): it decides whether the resolution needs someone else's approval before
 * the customer may be told.
 */
public record ProposeResolutionCommand(@TargetAggregateIdentifier ComplaintId complaintId, String summary,
                                       Compensation compensation, Role actingRole, StaffId by, Instant at) {
}
