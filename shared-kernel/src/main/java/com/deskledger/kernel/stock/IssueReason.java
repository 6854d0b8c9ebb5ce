package com.deskledger.kernel.stock;

/** Why goods left the stock without a sale (manual 000: 兑换礼品, 停车券; consumables used at the desk). */
public enum IssueReason {
    GIFT,
    PARKING_VOUCHER,
    CONSUMABLE_USED,
    DAMAGED,
    OTHER
}
