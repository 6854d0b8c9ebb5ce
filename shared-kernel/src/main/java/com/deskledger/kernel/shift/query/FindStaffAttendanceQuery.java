package com.deskledger.kernel.shift.query;

import com.deskledger.kernel.CentreId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Staff attendance of one centre over the roster days {@code from} to {@code to}, both included; {@code now}
 * decides which shifts not clocked in count as absences (those whose planned end has passed).
 */
public record FindStaffAttendanceQuery(CentreId centre, LocalDate from, LocalDate to, Instant now) {
}
