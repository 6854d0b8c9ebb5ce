package com.deskledger.kernel.stock;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies one purchase request for a product. A UUID in text form. */
public record PurchaseRequestId(@JsonValue String value) {

    @JsonCreator
    public PurchaseRequestId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
        UUID.fromString(value);
    }

    public static PurchaseRequestId random() {
        return new PurchaseRequestId(UUID.randomUUID().toString());
    }

    public static PurchaseRequestId of(String value) {
        return new PurchaseRequestId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
