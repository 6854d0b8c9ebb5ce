package com.deskledger.kernel.shift.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The checklist item {@code item} of the shift's post was done. */
@Revision("1")
public record ChecklistItemTickedEvent(ShiftId shiftId, String item, StaffId by, Instant at) {
}
