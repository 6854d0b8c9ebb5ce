package com.deskledger.kernel.complaint.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The customer's answer to the resolution they were told: satisfied closes the complaint; not satisfied reopens
 * it, and handling goes on until the customer is satisfied (manual 002 §4.4: 直至客户满意为止).
 */
public record RecordCustomerAnswerCommand(@TargetAggregateIdentifier ComplaintId complaintId, boolean satisfied,
                                          String comment, StaffId by, Instant at) {
}
