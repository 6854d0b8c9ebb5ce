package com.deskledger.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A personal value encrypted with its member's or visit's key (see {@link PersonalDataVault}). Events carry only
 * sealed personal values, so destroying the key makes them unreadable for good. The text is opaque to all others.
 */
public record Sealed(@JsonValue String value) {

    @JsonCreator
    public Sealed {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("sealed value is required");
        }
    }

    public static Sealed of(String value) {
        return new Sealed(value);
    }

    @Override
    public String toString() {
        return "Sealed[hidden]";
    }
}
