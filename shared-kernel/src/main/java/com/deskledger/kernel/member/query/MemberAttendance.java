package com.deskledger.kernel.member.query;

import java.time.Instant;
import java.util.List;

/** One member's attendance: counts and every settled session, newest first. */
public record MemberAttendance(String memberId, String centre, AttendanceCounts counts, List<Mark> sessions) {

    public MemberAttendance {
        sessions = List.copyOf(sessions);
    }

    /** One settled session. */
    public record Mark(String classCode, Instant scheduledStart, String room, String status, boolean creditConsumed,
                       Instant recordedAt, String recordedBy) {
    }
}
