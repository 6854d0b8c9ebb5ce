package com.deskledger.kernel.timetable.session.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A session moved from one time and room to another. */
@Revision("1")
public record SessionMovedEvent(SessionId sessionId, RoomId fromRoom, Instant fromStart, Instant fromEnd, RoomId room,
                                String roomName, Instant start, Instant end, StaffId by, Instant at) {
}
