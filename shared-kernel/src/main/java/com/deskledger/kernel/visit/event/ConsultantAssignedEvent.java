package com.deskledger.kernel.visit.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A consultant took the visitor over. */
@Revision("1")
public record ConsultantAssignedEvent(VisitId visitId, StaffId consultant, Instant at) {
}
