package com.deskledger.kernel.visit.command;

import com.deskledger.kernel.visit.VisitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The visitor's feedback: a score from 1 to 5 and an optional comment. */
public record RecordFeedbackCommand(@TargetAggregateIdentifier VisitId visitId, int score, String comment,
                                    Instant at) {
}
