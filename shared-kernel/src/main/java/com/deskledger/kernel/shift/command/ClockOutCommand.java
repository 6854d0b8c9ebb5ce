package com.deskledger.kernel.shift.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The staff member clocks out at {@code time}, recorded at {@code at}; see {@link ClockInCommand} for who. */
public record ClockOutCommand(@TargetAggregateIdentifier ShiftId shiftId, Instant time, StaffId by,
                              boolean bySupervisor, Instant at) {
}
