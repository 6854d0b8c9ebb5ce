package com.deskledger.kernel.stock;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A product's code in its centre's catalogue (printed on the shelf label): 1-50 letters, digits, dots, dashes or
 * underscores, kept in upper case so that {@code toy-dino} and {@code TOY-DINO} are the same product.
 */
public record ProductCode(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,49}");

    @JsonCreator
    public ProductCode {
        if (value == null) {
            throw new IllegalArgumentException("code is required");
        }
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a product code is 1-50 letters, digits, dots, dashes or underscores");
        }
    }

    public static ProductCode of(String value) {
        return new ProductCode(value);
    }

    /** True when the text is a well-formed code. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value.strip().toUpperCase(Locale.ROOT)).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
