package com.deskledger.kernel.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies one purchase of a member: a package or a desk sale. A UUID in text form. */
public record PurchaseId(@JsonValue String value) {

    @JsonCreator
    public PurchaseId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
        UUID.fromString(value);
    }

    public static PurchaseId random() {
        return new PurchaseId(UUID.randomUUID().toString());
    }

    public static PurchaseId of(String value) {
        return new PurchaseId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
