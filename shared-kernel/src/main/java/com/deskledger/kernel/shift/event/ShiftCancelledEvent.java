package com.deskledger.kernel.shift.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The shift was cancelled before it started; its staff member is free again for that time. */
@Revision("1")
public record ShiftCancelledEvent(ShiftId shiftId, StaffId staff, String reason, StaffId by, Instant at) {

    @Override
    public String toString() {
        return "ShiftCancelledEvent[shiftId=" + shiftId + ", staff=" + staff + ", by=" + by + ", at=" + at + "]";
    }
}
