package com.deskledger.kernel.shift;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a Shift. A UUID in text form. */
public record ShiftId(@JsonValue String value) {

    @JsonCreator
    public ShiftId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
        UUID.fromString(value);
    }

    public static ShiftId random() {
        return new ShiftId(UUID.randomUUID().toString());
    }

    public static ShiftId of(String value) {
        return new ShiftId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
