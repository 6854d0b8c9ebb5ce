package com.deskledger.kernel.visit.command;

import com.deskledger.kernel.visit.Outcome;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The visit or call ends with an outcome; nothing may be added afterwards. */
public record EndVisitCommand(@TargetAggregateIdentifier VisitId visitId, Outcome outcome, Instant at) {
}
