package com.deskledger.kernel.timetable.room.event;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.RoomKind;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A room was added to a centre's room calendar. */
@Revision("1")
public record RoomAddedEvent(RoomId roomId, CentreId centre, String name, RoomKind kind, int capacity, StaffId by,
                             Instant at) implements CentreScoped {
}
