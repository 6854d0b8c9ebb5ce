package com.deskledger.kernel.visit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a Message. A UUID in text form. */
public record MessageId(@JsonValue String value) {

    @JsonCreator
    public MessageId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
        UUID.fromString(value);
    }

    public static MessageId random() {
        return new MessageId(UUID.randomUUID().toString());
    }

    public static MessageId of(String value) {
        return new MessageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
