package com.deskledger.kernel.stock.command;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.AdjustmentReason;
import com.deskledger.kernel.stock.MovementId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A stocktake's count of the product. A difference to the ledger is adjusted at once when its value at cost is
 * within {@code approvalLimit} or a supervisor counted; otherwise it waits for a supervisor's approval.
 */
public record CountStockCommand(@TargetAggregateIdentifier ProductId productId, MovementId stocktakeId, int counted,
                                AdjustmentReason reason, boolean bySupervisor, Money approvalLimit, StaffId by,
                                Instant at) {
}
