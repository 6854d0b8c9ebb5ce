package com.deskledger.kernel.complaint.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The customer withdraws the complaint; its SLA clocks stop for good. */
public record WithdrawComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, String reason,
                                       StaffId by, Instant at) {
}
