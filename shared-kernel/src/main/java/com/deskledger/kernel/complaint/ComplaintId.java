package com.deskledger.kernel.complaint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a ComplaintCase. A UUID in text form. */
public record ComplaintId(@JsonValue String value) {

    @JsonCreator
    public ComplaintId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
        UUID.fromString(value);
    }

    public static ComplaintId random() {
        return new ComplaintId(UUID.randomUUID().toString());
    }

    public static ComplaintId of(String value) {
        return new ComplaintId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
