package com.deskledger.kernel.complaint.query;

/** An exact sum of money in one currency, in its minor units. */
public record MoneyTotal(String currency, long amountMinor) {
}
