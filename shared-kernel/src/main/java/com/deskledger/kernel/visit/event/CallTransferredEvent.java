package com.deskledger.kernel.visit.event;

import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A call was transferred from one member of staff to another. The reason, free text about the caller, is sealed with
 * the visit's key (revision 2; revision 1 held it in plain text).
 */
@Revision("2")
public record CallTransferredEvent(VisitId visitId, StaffId from, StaffId to, Sealed reason, Instant at) {
}
