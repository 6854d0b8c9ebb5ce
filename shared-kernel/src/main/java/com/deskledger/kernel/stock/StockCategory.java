package com.deskledger.kernel.stock;

/** What kind of goods a product is (issue 17: toys, books, consumables, vouchers, gifts). */
public enum StockCategory {
    TOY,
    BOOK,
    CONSUMABLE,
    VOUCHER,
    GIFT
}
