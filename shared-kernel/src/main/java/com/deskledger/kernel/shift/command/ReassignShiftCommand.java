package com.deskledger.kernel.shift.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A supervisor gives a shift that has not started to another staff member. {@code reason} is optional. */
public record ReassignShiftCommand(@TargetAggregateIdentifier ShiftId shiftId, StaffId staff, String reason,
                                   StaffId by, Instant at) {

    @Override
    public String toString() {
        return "ReassignShiftCommand[shiftId=" + shiftId + ", staff=" + staff + ", by=" + by + ", at=" + at + "]";
    }
}
