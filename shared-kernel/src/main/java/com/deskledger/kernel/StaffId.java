package com.deskledger.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A member of staff, identified by their user name. */
public record StaffId(@JsonValue String value) {

    @JsonCreator
    public StaffId {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw new IllegalArgumentException("staff id must be 1-100 characters");
        }
    }

    public static StaffId of(String value) {
        return new StaffId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
