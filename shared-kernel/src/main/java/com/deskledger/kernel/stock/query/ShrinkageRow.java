package com.deskledger.kernel.stock.query;

import com.deskledger.kernel.stock.ProductId;

/** One product's adjustments in a month: units lost (shrinkage) and found (surplus), each with its value at cost. */
public record ShrinkageRow(ProductId productId, String code, String name, int shrinkageUnits,
                           long shrinkageValueMinor, int surplusUnits, long surplusValueMinor, String currency) {
}
