package com.deskledger.kernel.timetable.query;

import com.deskledger.kernel.CentreId;
import java.time.LocalDate;
import java.util.List;

/**
 * A centre's timetable of one day; {@code mismatches} counts the sessions whose head-count differed from the
 * roster.
 */
public record TimetableDay(CentreId centre, LocalDate date, List<TimetableRow> sessions, int mismatches) {
}
