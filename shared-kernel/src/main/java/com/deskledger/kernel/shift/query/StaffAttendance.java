package com.deskledger.kernel.shift.query;

import java.time.LocalDate;
import java.util.List;

/** Staff attendance of one centre over a range of roster days: one row per staff member and the centre's total. */
public record StaffAttendance(String centre, LocalDate from, LocalDate to, List<StaffAttendanceRow> staff,
                              StaffAttendanceRow total) {

    public StaffAttendance {
        staff = List.copyOf(staff);
    }
}
