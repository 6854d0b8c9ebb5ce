package com.deskledger.kernel.complaint.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A supervisor or manager gives the complaint to a handler. */
public record AssignComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, StaffId handler,
                                     StaffId by, Instant at) {
}
