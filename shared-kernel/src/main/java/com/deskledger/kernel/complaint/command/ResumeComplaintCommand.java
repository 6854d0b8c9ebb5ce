package com.deskledger.kernel.complaint.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The customer came back: the SLA clock runs again with the business time it had left. */
public record ResumeComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, StaffId by, Instant at) {
}
