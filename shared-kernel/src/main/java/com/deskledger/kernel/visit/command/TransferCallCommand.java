package com.deskledger.kernel.visit.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A call is transferred to a colleague. Calls only. */
public record TransferCallCommand(@TargetAggregateIdentifier VisitId visitId, StaffId to, String reason, Instant at) {
}
