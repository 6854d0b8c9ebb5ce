package com.deskledger.kernel.stock.query;

import com.deskledger.kernel.stock.ProductId;

/**
 * One product's stock: on hand, owed on back-order, sent to other centres and not yet received there, its reorder
 * level (and whether it is at or below it), its price and average cost, and the value on hand at that cost.
 */
public record StockRow(ProductId productId, String code, String name, String category, String use, boolean active,
                       int onHand, int backOrdered, int inTransitOut, int reorderLevel, boolean belowReorderLevel,
                       long unitPriceMinor, Long averageCostMinor, long valueAtCostMinor, String currency) {
}
