package com.deskledger.kernel.visit.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.visit.MessageId;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A message reached its recipient. */
@Revision("1")
public record MessageDeliveredEvent(VisitId visitId, MessageId messageId, StaffId deliveredBy, Instant at) {
}
