package com.deskledger.kernel.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a member account. */
public record MemberId(@JsonValue String value) {

    @JsonCreator
    public MemberId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("member id must be 1-64 characters");
        }
    }

    public static MemberId random() {
        return new MemberId(UUID.randomUUID().toString());
    }

    public static MemberId of(String value) {
        return new MemberId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
