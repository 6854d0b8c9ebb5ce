package com.deskledger.kernel.timetable.query;

import com.deskledger.kernel.member.MemberId;
import java.time.Instant;
import java.util.List;

/**
 * A member's upcoming places: {@code status} BOOKED, WAITING (with {@code waitingPosition}, 1 next), PRESENT.
 */
public record MemberBookings(MemberId member, List<Booking> bookings) {

    /** One session the member holds or waits for a place in. */
    public record Booking(String sessionId, String title, String roomName, String teacher, Instant start, Instant end,
                          String status, Integer waitingPosition) {
    }
}
