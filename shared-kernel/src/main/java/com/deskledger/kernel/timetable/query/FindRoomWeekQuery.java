package com.deskledger.kernel.timetable.query;

import com.deskledger.kernel.CentreId;
import java.time.LocalDate;

/**
 * Every room's sessions of one centre over the seven days from {@code from}: a {@link RoomWeek}.
 */
public record FindRoomWeekQuery(CentreId centre, LocalDate from) {
}
