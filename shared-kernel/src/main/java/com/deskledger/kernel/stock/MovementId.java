package com.deskledger.kernel.stock;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies one movement of a product's stock: a delivery, an issue, a stocktake or a transfer. A UUID in text form. */
public record MovementId(@JsonValue String value) {

    @JsonCreator
    public MovementId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
        UUID.fromString(value);
    }

    public static MovementId random() {
        return new MovementId(UUID.randomUUID().toString());
    }

    public static MovementId of(String value) {
        return new MovementId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
