package com.deskledger.kernel.visit.event;

import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The visitor scored the visit from 1 to 5. */
@Revision("1")
public record FeedbackRecordedEvent(VisitId visitId, int score, String comment, Instant at) {
}
