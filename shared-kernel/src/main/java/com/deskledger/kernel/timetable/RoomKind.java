package com.deskledger.kernel.timetable;

/** What a room is used for; classes, parties and events share one room calendar whatever the kind. */
public enum RoomKind { CLASSROOM, PARTY_ROOM, HALL }
