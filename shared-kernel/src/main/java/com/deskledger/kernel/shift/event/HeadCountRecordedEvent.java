package com.deskledger.kernel.shift.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.HeadCountId;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The teacher counted {@code count} children in the class session ({@code classId}, {@code scheduledStart},
 * {@code room}); recorded during the shift. A later count of the same session supersedes this one in the views.
 */
@Revision("1")
public record HeadCountRecordedEvent(ShiftId shiftId, HeadCountId headCountId, String classId, String className,
                                     Instant scheduledStart, String room, int count, String teacher, StaffId by,
                                     Instant at) {
}
