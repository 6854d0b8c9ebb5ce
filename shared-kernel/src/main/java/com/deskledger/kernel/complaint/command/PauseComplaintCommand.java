package com.deskledger.kernel.complaint.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The complaint waits on the customer (documents, a decision, a visit): the SLA clock stops until resumed. */
public record PauseComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, String reason, StaffId by,
                                    Instant at) {
}
