package com.deskledger.kernel.visit.event;

import com.deskledger.kernel.visit.Outcome;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The visit or call ended with an outcome. */
@Revision("1")
public record VisitEndedEvent(VisitId visitId, Outcome outcome, Instant at) {
}
