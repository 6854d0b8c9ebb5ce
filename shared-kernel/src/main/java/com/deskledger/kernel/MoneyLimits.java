package com.deskledger.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The largest amount the desk takes, in major units of any currency (default 1,000,000.00): each price, each line of a
 * sale, each total, each refund and each compensation must stay at or below it. A typing error of a few extra zeros
 * is refused at the edge with {@link ErrorCode#AMOUNT_TOO_LARGE}, and no view's sum can come near a {@code bigint}'s
 * range.
 */
public record MoneyLimits(BigDecimal maxAmount) {

    public static final MoneyLimits DEFAULT = new MoneyLimits(new BigDecimal("1000000.00"));

    public MoneyLimits {
        if (maxAmount == null || maxAmount.signum() <= 0) {
            throw new IllegalArgumentException("the maximum amount must be positive");
        }
    }

    /** The maximum in the currency's minor units (1,000,000.00 CNY is 100,000,000 fen; JPY has no minor unit). */
    public long maxMinor(String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        BigDecimal minor = maxAmount.movePointRight(digits).setScale(0, RoundingMode.DOWN);
        return minor.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : minor.longValueExact();
    }

    /** The amount itself, or {@link ErrorCode#AMOUNT_TOO_LARGE} naming the field when it is above the maximum. */
    public Money check(Money amount, String field) {
        if (amount.minor() > maxMinor(amount.currency())) {
            throw new DomainException(ErrorCode.AMOUNT_TOO_LARGE, "at most " + maxAmount.toPlainString() + " "
                    + amount.currency() + " per amount", field);
        }
        return amount;
    }
}
