package com.deskledger.kernel.shift.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A hand-over note to the next shift. The text may mention customers: never log it. */
public record WriteHandOverNoteCommand(@TargetAggregateIdentifier ShiftId shiftId, String note, StaffId by,
                                       boolean bySupervisor, Instant at) {

    @Override
    public String toString() {
        return "WriteHandOverNoteCommand[shiftId=" + shiftId + ", by=" + by + ", at=" + at + ", text hidden]";
    }
}
