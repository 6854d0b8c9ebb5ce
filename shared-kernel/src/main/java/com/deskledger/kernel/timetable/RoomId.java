package com.deskledger.kernel.timetable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a Room. A UUID in text form. */
public record RoomId(@JsonValue String value) {

    @JsonCreator
    public RoomId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
        UUID.fromString(value);
    }

    public static RoomId random() {
        return new RoomId(UUID.randomUUID().toString());
    }

    public static RoomId of(String value) {
        return new RoomId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
