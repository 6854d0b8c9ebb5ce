package com.deskledger.kernel.timetable.session.command;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.SessionId;
import com.deskledger.kernel.timetable.SessionKind;
import com.deskledger.kernel.timetable.TemplateId;
import java.time.Instant;

/** Put a session on the timetable: a class (from a template, or added on its own), a party or an event, in a room
 * from {@code start} to {@code end}. {@code roomCapacity} is the room's, looked up before dispatch; the places
 * offered may not exceed it. {@code credits} is what a booking holds and a check-in or no-show consumes. */
public record ScheduleSessionCommand(SessionId sessionId, CentreId centre, SessionKind kind, TemplateId template,
                                     String title, RoomId room, String roomName, int roomCapacity, String teacher,
                                     Instant start, Instant end, int places, int credits, StaffId by, Instant at)
        implements CentreScoped {
}
