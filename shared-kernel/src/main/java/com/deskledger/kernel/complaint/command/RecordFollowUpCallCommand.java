package com.deskledger.kernel.complaint.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The follow-up call (回访) after closing: whether the customer was reached and, if so, whether they are still
 * satisfied.
 */
public record RecordFollowUpCallCommand(@TargetAggregateIdentifier ComplaintId complaintId, boolean reached,
                                        Boolean satisfied, String notes, StaffId by, Instant at) {
}
