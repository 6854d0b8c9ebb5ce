package com.deskledger.kernel.report.query;

/**
 * Money taken and refunded in one currency, in minor units: {@code net} is {@code sales} less {@code refunds}.
 */
public record MoneyTotals(String currency, long salesMinor, long refundsMinor, long netMinor) {
}
