package com.deskledger.kernel.stock;

/** The kinds of stock movement, as the movements view and the audit search name them. */
public enum MovementKind {
    DELIVERY,
    SALE,
    SALE_CANCELLED,
    REFUND,
    ISSUE,
    ADJUSTMENT,
    TRANSFER_OUT,
    TRANSFER_IN
}
