package com.deskledger.kernel.visit.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.visit.MessageId;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A taken message reached its recipient. A message is delivered once. */
public record DeliverMessageCommand(@TargetAggregateIdentifier VisitId visitId, MessageId messageId,
                                    StaffId deliveredBy, Instant at) {
}
