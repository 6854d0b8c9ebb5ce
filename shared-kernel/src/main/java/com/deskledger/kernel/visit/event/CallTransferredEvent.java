package com.deskledger.kernel.visit.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A call was transferred from one member of staff to another. */
@Revision("1")
public record CallTransferredEvent(VisitId visitId, StaffId from, StaffId to, String reason, Instant at) {
}
