package com.deskledger.kernel.shift.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A supervisor cancels a shift that has not started. {@code reason} is optional. */
public record CancelShiftCommand(@TargetAggregateIdentifier ShiftId shiftId, String reason, StaffId by,
                                 Instant at) {

    @Override
    public String toString() {
        return "CancelShiftCommand[shiftId=" + shiftId + ", by=" + by + ", at=" + at + "]";
    }
}
