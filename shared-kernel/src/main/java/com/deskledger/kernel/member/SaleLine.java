package com.deskledger.kernel.member;

import com.deskledger.kernel.Money;

/** One line of a desk sale, numbered from 1; {@code amount} is quantity times unit price, exactly. */
public record SaleLine(int line, String productCode, String description, ProductCategory category, int quantity,
                       Money unitPrice, Money amount) {
}
