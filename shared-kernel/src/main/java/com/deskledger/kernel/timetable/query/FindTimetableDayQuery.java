package com.deskledger.kernel.timetable.query;

import com.deskledger.kernel.CentreId;
import java.time.LocalDate;

/**
 * The sessions of one centre starting on one day (the centre's zone), with their rooms, teachers and roster
 * figures: answered with a {@link TimetableDay}.
 */
public record FindTimetableDayQuery(CentreId centre, LocalDate date) {
}
