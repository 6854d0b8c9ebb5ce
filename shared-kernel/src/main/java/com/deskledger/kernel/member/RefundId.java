package com.deskledger.kernel.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies one refund of a purchase. A UUID in text form. */
public record RefundId(@JsonValue String value) {

    @JsonCreator
    public RefundId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
        UUID.fromString(value);
    }

    public static RefundId random() {
        return new RefundId(UUID.randomUUID().toString());
    }

    public static RefundId of(String value) {
        return new RefundId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
