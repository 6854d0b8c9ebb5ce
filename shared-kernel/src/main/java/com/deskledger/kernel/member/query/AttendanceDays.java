package com.deskledger.kernel.member.query;

import java.time.LocalDate;
import java.util.List;

/** Attendance per day (days with classes only) and over the whole period. */
public record AttendanceDays(String centre, String zone, LocalDate from, LocalDate to, AttendanceCounts totals,
                             List<DayCounts> days) {

    public AttendanceDays {
        days = List.copyOf(days);
    }

    /** One day's counts. */
    public record DayCounts(LocalDate date, AttendanceCounts counts) {
    }
}
