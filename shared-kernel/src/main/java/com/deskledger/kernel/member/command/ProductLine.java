package com.deskledger.kernel.member.command;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.member.ProductCategory;

/** One line of a desk sale as the desk enters it. */
public record ProductLine(String productCode, String description, ProductCategory category, int quantity,
                          Money unitPrice) {
}
