package com.deskledger.kernel.visit.event;

import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The visitor scored the visit from 1 to 5. The comment is sealed with the visit's key (revision 2; revision 1 held
 * it in plain text): visitors write names and numbers in it.
 */
@Revision("2")
public record FeedbackRecordedEvent(VisitId visitId, int score, Sealed comment, Instant at) {
}
