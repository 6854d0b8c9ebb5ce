package com.deskledger.kernel.shift;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies one head-count recorded during a shift. A UUID in text form. */
public record HeadCountId(@JsonValue String value) {

    @JsonCreator
    public HeadCountId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
        UUID.fromString(value);
    }

    public static HeadCountId random() {
        return new HeadCountId(UUID.randomUUID().toString());
    }

    public static HeadCountId of(String value) {
        return new HeadCountId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
