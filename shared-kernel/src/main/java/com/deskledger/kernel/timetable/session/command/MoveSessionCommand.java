package com.deskledger.kernel.timetable.session.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a session that has not started to another time and/or room ({@code roomCapacity} looked up before dispatch). */
public record MoveSessionCommand(@TargetAggregateIdentifier SessionId sessionId, RoomId room, String roomName,
                                 int roomCapacity, Instant start, Instant end, StaffId by, Instant at) {
}
