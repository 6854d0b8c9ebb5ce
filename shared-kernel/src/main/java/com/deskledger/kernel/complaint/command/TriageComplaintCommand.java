package com.deskledger.kernel.complaint.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.Severity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The first analysis (manual 002 §4.4: 判断投诉性质和责任部门): the complaint's nature, the department responsible,
 * and its severity, which may correct the one given at filing.
 */
public record TriageComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, String nature,
                                     String department, Severity severity, StaffId by, Instant at) {
}
