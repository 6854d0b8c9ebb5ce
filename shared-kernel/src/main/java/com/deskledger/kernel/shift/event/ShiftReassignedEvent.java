package com.deskledger.kernel.shift.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The shift was given from one staff member to another before it started. */
@Revision("1")
public record ShiftReassignedEvent(ShiftId shiftId, StaffId from, StaffId to, String reason, StaffId by,
                                   Instant at) {

    @Override
    public String toString() {
        return "ShiftReassignedEvent[shiftId=" + shiftId + ", from=" + from + ", to=" + to + ", by=" + by
                + ", at=" + at + "]";
    }
}
