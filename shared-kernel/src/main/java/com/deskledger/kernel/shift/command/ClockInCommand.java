package com.deskledger.kernel.shift.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The staff member clocks in at {@code time}, recorded at {@code at}. Sent by the staff member themself (then
 * {@code time} is {@code at}) or by a supervisor ({@code bySupervisor}), who may record an earlier time, for
 * example from the paper sign-in sheet.
 */
public record ClockInCommand(@TargetAggregateIdentifier ShiftId shiftId, Instant time, StaffId by,
                             boolean bySupervisor, Instant at) {
}
