package com.deskledger.kernel.visit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a Visit. A UUID in text form. */
public record VisitId(@JsonValue String value) {

    @JsonCreator
    public VisitId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
        UUID.fromString(value);
    }

    public static VisitId random() {
        return new VisitId(UUID.randomUUID().toString());
    }

    public static VisitId of(String value) {
        return new VisitId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
