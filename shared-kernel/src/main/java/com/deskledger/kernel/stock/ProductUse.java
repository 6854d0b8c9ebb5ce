package com.deskledger.kernel.stock;

/** Whether a product is sold to customers, or only used or handed out (consumables, parking vouchers, gifts). */
public enum ProductUse {
    SOLD,
    USED
}
