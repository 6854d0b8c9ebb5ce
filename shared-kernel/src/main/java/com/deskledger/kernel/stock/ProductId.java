package com.deskledger.kernel.stock;

import com.deskledger.kernel.CentreId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifies one product of one centre's catalogue, and with it that product's stock ledger. A UUID in text form,
 * derived from the centre and the product's code ({@link #of(CentreId, ProductCode)}): a code is unique per centre
 * because its id is, and the event store refuses a second first event of the same id.
 */
public record ProductId(@JsonValue String value) {

    @JsonCreator
    public ProductId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
        UUID.fromString(value);
    }

    public static ProductId of(String value) {
        return new ProductId(value);
    }

    /** The id of the product with this code in this centre (a name-based UUID, the same on every node). */
    public static ProductId of(CentreId centre, ProductCode code) {
        return new ProductId(UUID.nameUUIDFromBytes(("deskledger-product:" + centre.value() + ":" + code.value())
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
