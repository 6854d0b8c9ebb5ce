package com.deskledger.kernel.shift.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A hand-over note to the next shift was written. The text may mention customers: never log it. */
@Revision("1")
public record HandOverNoteWrittenEvent(ShiftId shiftId, String note, StaffId by, Instant at) {

    @Override
    public String toString() {
        return "HandOverNoteWrittenEvent[shiftId=" + shiftId + ", by=" + by + ", at=" + at + ", text hidden]";
    }
}
