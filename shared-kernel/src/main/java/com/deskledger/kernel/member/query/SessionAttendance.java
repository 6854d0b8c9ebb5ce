package com.deskledger.kernel.member.query;

import java.time.Instant;
import java.util.List;

/** One class session: its counts and who was settled how (member ids only; names are in the member view). */
public record SessionAttendance(String classCode, Instant scheduledStart, String room, AttendanceCounts counts,
                                List<SessionMark> members) {

    public SessionAttendance {
        members = List.copyOf(members);
    }

    /** One member's place in the session. */
    public record SessionMark(String memberId, String status, boolean creditConsumed) {
    }
}
