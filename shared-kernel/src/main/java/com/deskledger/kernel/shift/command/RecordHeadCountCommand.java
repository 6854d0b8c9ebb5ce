package com.deskledger.kernel.shift.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.HeadCountId;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * During the shift, the teacher's head-count of a class session (与老师核对上课人数): the class, its scheduled
 * start and room identify the session the members' check-ins are counted against. {@code teacher} is optional.
 */
public record RecordHeadCountCommand(@TargetAggregateIdentifier ShiftId shiftId, HeadCountId headCountId,
                                     String classId, String className, Instant scheduledStart, String room,
                                     int count, String teacher, StaffId by, boolean bySupervisor, Instant at) {
}
