package com.deskledger.kernel.member;

import com.deskledger.kernel.Money;

/** Units of one sale line given back, and the money returned for them. */
public record RefundLine(int line, String productCode, int quantity, Money amount) {
}
