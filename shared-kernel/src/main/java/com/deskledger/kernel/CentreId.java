package com.deskledger.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** A centre (branch) of the business, such as {@code main} or {@code east}. */
public record CentreId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    @JsonCreator
    public CentreId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("centre must be 1-40 lowercase letters, digits or dashes");
        }
    }

    public static CentreId of(String value) {
        return new CentreId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
