package com.deskledger.kernel.stock.event;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.AdjustmentReason;
import com.deskledger.kernel.stock.MovementId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The ledger was set to a stocktake's count: a shrinkage ({@code difference} below zero) or a surplus, worth
 * {@code valueAtCost} (always positive), approved by {@code approvedBy} (the counter when no approval was needed).
 */
@Revision("1")
public record StockAdjustedEvent(ProductId productId, MovementId stocktakeId, int difference, Money valueAtCost,
                                 AdjustmentReason reason, int onHandAfter, StaffId approvedBy, Instant at) {

    public boolean shrinkage() {
        return difference < 0;
    }
}
