package com.deskledger.kernel.complaint.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A supervisor or manager escalates the complaint one level, with an optional note why. */
public record EscalateComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, String note, StaffId by,
                                       Instant at) {
}
