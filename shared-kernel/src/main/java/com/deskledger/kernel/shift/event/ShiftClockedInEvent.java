package com.deskledger.kernel.shift.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The staff member clocked in at {@code time}; {@code minutesLate} is the whole minutes after the planned start
 * (0 when on time or early). {@code by} is who recorded it, {@code at} when.
 */
@Revision("1")
public record ShiftClockedInEvent(ShiftId shiftId, StaffId staff, Instant time, int minutesLate, StaffId by,
                                  Instant at) {
}
