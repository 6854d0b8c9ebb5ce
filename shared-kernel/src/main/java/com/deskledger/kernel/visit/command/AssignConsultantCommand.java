package com.deskledger.kernel.visit.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A consultant (顾问) takes the visitor over. */
public record AssignConsultantCommand(@TargetAggregateIdentifier VisitId visitId, StaffId consultant, Instant at) {
}
