package com.deskledger.kernel.stock.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.MovementId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A supervisor approves the adjustment a stocktake is waiting for. */
public record ApproveAdjustmentCommand(@TargetAggregateIdentifier ProductId productId, MovementId stocktakeId,
                                       boolean bySupervisor, StaffId by, Instant at) {
}
