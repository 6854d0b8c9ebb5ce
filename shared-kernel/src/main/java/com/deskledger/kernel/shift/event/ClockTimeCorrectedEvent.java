package com.deskledger.kernel.shift.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ClockPunch;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A supervisor corrected a clock time from {@code previousTime} to {@code correctedTime}, with a reason. The
 * original clock event stays in the history. {@code minutesLate} is recomputed for a clock-in, null for a
 * clock-out.
 */
@Revision("1")
public record ClockTimeCorrectedEvent(ShiftId shiftId, ClockPunch punch, Instant previousTime,
                                      Instant correctedTime, Integer minutesLate, String reason, StaffId by,
                                      Instant at) {

    @Override
    public String toString() {
        return "ClockTimeCorrectedEvent[shiftId=" + shiftId + ", punch=" + punch + ", previousTime=" + previousTime
                + ", correctedTime=" + correctedTime + ", by=" + by + ", at=" + at + "]";
    }
}
