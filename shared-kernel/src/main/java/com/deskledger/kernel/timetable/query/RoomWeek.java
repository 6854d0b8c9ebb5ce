package com.deskledger.kernel.timetable.query;

import com.deskledger.kernel.CentreId;
import java.time.LocalDate;
import java.util.List;

/**
 * A centre's room calendar of seven days: per room, its sessions in order.
 */
public record RoomWeek(CentreId centre, LocalDate from, LocalDate to, List<Room> rooms) {

    /** One room and its sessions. */
    public record Room(String roomId, String roomName, List<TimetableRow> sessions) {
    }
}
