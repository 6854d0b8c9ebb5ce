package com.deskledger.kernel.shift.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An item of the post's checklist is done; ticked by the staff member or a supervisor. */
public record TickChecklistItemCommand(@TargetAggregateIdentifier ShiftId shiftId, String item, StaffId by,
                                       boolean bySupervisor, Instant at) {
}
