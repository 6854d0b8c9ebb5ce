package com.deskledger.kernel.timetable.query;

import java.time.Instant;

/**
 * One session with its roster figures: {@code booked} holds a place (present included), {@code waiting} on the
 * waitlist, {@code present} checked in ({@code walkIns} of them without a booking), {@code onLeave}, {@code noShow};
 * the teacher's latest head-count and whether it differed from the members present.
 */
public record TimetableRow(String sessionId, String kind, String title, String templateId, String roomId,
                           String roomName, String teacher, Instant start, Instant end, int places, int credits,
                           boolean cancelled, int booked, int waiting, int present, int walkIns, int onLeave,
                           int noShow, Integer headCount, boolean headCountMismatch) {
}
