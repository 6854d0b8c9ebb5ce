package com.deskledger.kernel.complaint.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What the investigation found so far. */
public record AddInvestigationNoteCommand(@TargetAggregateIdentifier ComplaintId complaintId, String text,
                                          StaffId by, Instant at) {
}
