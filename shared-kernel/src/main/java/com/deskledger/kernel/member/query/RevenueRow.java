package com.deskledger.kernel.member.query;

import com.deskledger.kernel.Money;

/**
 * One group of a revenue breakdown: {@code key} is the period's first day, the plan or product, the staff member
 * or the payment method; {@code itemType} is PACKAGE or PRODUCT when grouped by item. Refunds count where the
 * refund happened (its day, the staff who gave it) and against the item and payment method of the purchase.
 */
public record RevenueRow(String key, String itemType, Money gross, Money refunds, Money net, long sales,
                         long refundCount) {
}
