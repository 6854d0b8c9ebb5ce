package com.deskledger.kernel.member.query;

import java.time.LocalDate;
import java.util.List;

/** A centre's day of classes: totals and every session in order of start. */
public record AttendanceDay(String centre, LocalDate date, String zone, AttendanceCounts totals,
                            List<SessionAttendance> sessions) {

    public AttendanceDay {
        sessions = List.copyOf(sessions);
    }
}
