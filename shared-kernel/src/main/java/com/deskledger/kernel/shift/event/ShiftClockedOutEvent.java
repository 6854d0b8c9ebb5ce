package com.deskledger.kernel.shift.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The staff member clocked out at {@code time}. {@code by} is who recorded it, {@code at} when. */
@Revision("1")
public record ShiftClockedOutEvent(ShiftId shiftId, StaffId staff, Instant time, StaffId by, Instant at) {
}
