package com.deskledger.kernel.stock.event;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.AdjustmentReason;
import com.deskledger.kernel.stock.MovementId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A stocktake counted {@code counted} where the ledger said {@code expected}. A difference is adjusted by a
 * {@link StockAdjustedEvent}, at once or after a supervisor's approval ({@code awaitingApproval}).
 */
@Revision("1")
public record StocktakeCountedEvent(ProductId productId, MovementId stocktakeId, int expected, int counted,
                                    int difference, Money valueAtCost, AdjustmentReason reason,
                                    boolean awaitingApproval, StaffId by, Instant at) {
}
