package com.deskledger.kernel.shift;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * A configured post (岗位) a shift is worked on, such as {@code weekday-early} or {@code weekend-a}: the key of the
 * post under {@code deskledger.shifts.posts}.
 */
public record PostCode(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    @JsonCreator
    public PostCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("post must be 1-40 lowercase letters, digits or dashes");
        }
    }

    public static PostCode of(String value) {
        return new PostCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
