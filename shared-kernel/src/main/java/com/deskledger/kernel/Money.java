package com.deskledger.kernel;

import java.util.Currency;

/**
 * An exact amount of money: a whole number of the currency's minor units (fen, cents) and its ISO 4217 code.
 * Arithmetic is exact: mixing currencies is refused with {@link ErrorCode#CURRENCY_MISMATCH} and a result beyond
 * a {@code long} with {@link ErrorCode#AMOUNT_TOO_LARGE}, never wrapped round; there is no floating point anywhere.
 * How large an amount the desk may take is {@link MoneyLimits}' business.
 */
public record Money(long minor, String currency) {

    public Money {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as CNY");
        }
        Currency.getInstance(currency);
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(exact(() -> Math.addExact(minor, other.minor)), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(exact(() -> Math.subtractExact(minor, other.minor)), currency);
    }

    public Money times(long factor) {
        return new Money(exact(() -> Math.multiplyExact(minor, factor)), currency);
    }

    /** -1, 0 or 1 as the amount is negative, zero or positive. */
    public int signum() {
        return Long.signum(minor);
    }

    /** True when this amount is larger than the other, which must be in the same currency. */
    public boolean exceeds(Money other) {
        requireSameCurrency(other);
        return minor > other.minor;
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    private void requireSameCurrency(Money other) {
        if (!sameCurrencyAs(other)) {
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH, "cannot mix " + currency + " and "
                    + other.currency, "currency");
        }
    }

    private static long exact(java.util.function.LongSupplier arithmetic) {
        try {
            return arithmetic.getAsLong();
        } catch (ArithmeticException overflow) {
            throw new DomainException(ErrorCode.AMOUNT_TOO_LARGE, "the amount is too large to be kept exactly");
        }
    }

    @Override
    public String toString() {
        return minor + " " + currency + " minor units";
    }
}
