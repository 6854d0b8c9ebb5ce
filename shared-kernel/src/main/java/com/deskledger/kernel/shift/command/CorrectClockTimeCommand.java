package com.deskledger.kernel.shift.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ClockPunch;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A supervisor corrects a wrong clock-in or clock-out time, with a reason; the original stays in the history. */
public record CorrectClockTimeCommand(@TargetAggregateIdentifier ShiftId shiftId, ClockPunch punch,
                                      Instant correctedTime, String reason, StaffId by, Instant at) {

    @Override
    public String toString() {
        return "CorrectClockTimeCommand[shiftId=" + shiftId + ", punch=" + punch + ", correctedTime="
                + correctedTime + ", by=" + by + ", at=" + at + "]";
    }
}
