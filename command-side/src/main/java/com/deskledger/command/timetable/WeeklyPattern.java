package com.deskledger.command.timetable;

import com.deskledger.kernel.timetable.Occurrence;
import com.deskledger.kernel.timetable.SessionId;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The sessions a weekly pattern gives between two days (both included) that start after a given instant. */
final class WeeklyPattern {

    private WeeklyPattern() {
    }

    static List<Occurrence> occurrences(Set<DayOfWeek> days, LocalTime start, int minutes, LocalDate from,
                                        LocalDate last, ZoneId zone, Instant after) {
        List<Occurrence> found = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime begins = day.atTime(start).atZone(zone);
            if (begins.toInstant().isAfter(after)) {
                found.add(new Occurrence(SessionId.random(), begins.toInstant(),
                        begins.plusMinutes(minutes).toInstant()));
            }
        }
        return found;
    }
}
