package com.deskledger.kernel.complaint;

import java.util.Currency;
import java.util.Objects;

/**
 * Compensation offered with a resolution: its type and an exact, positive amount in the currency's minor units
 * (fen, cents) with the ISO 4217 currency code. Never floating point.
 */
public record Compensation(CompensationType type, long amountMinor, String currency) {

    public Compensation {
        Objects.requireNonNull(type, "type");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("compensation must be more than zero");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as CNY");
        }
        Currency.getInstance(currency);
    }

    /** Whether this amount is larger than {@code limitMinor} of the same currency. */
    public boolean exceeds(long limitMinor) {
        return amountMinor > limitMinor;
    }
}
