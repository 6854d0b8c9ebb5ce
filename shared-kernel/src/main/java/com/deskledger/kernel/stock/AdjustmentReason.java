package com.deskledger.kernel.stock;

/**
 * Why a stocktake found a different quantity than the ledger. A closed list rather than free text: nothing typed
 * about a person can end up in the stock ledger, which is never erased.
 */
public enum AdjustmentReason {
    DAMAGED,
    LOST,
    THEFT,
    EXPIRED,
    COUNTING_ERROR,
    FOUND,
    OTHER
}
