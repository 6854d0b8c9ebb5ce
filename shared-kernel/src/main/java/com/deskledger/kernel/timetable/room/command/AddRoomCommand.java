package com.deskledger.kernel.timetable.room.command;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.RoomKind;
import java.time.Instant;

/** Add a room to a centre: its name (unique in the centre), kind and capacity. */
public record AddRoomCommand(RoomId roomId, CentreId centre, String name, RoomKind kind, int capacity, StaffId by,
                             Instant at) implements CentreScoped {
}
