package com.deskledger.kernel.member.query;

import com.deskledger.kernel.CentreId;

import java.time.LocalDate;

/** Attendance of a centre per day from {@code from} to {@code to}, both included. */
public record FindAttendanceDaysQuery(CentreId centre, LocalDate from, LocalDate to) {
}
