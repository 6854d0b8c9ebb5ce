package com.deskledger.kernel.stock.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.IssueReason;
import com.deskledger.kernel.stock.MovementId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Goods leave the stock without a sale: a gift exchanged, a parking voucher handed out, a consumable used. */
public record IssueStockCommand(@TargetAggregateIdentifier ProductId productId, MovementId issueId, int quantity,
                                IssueReason reason, StaffId by, Instant at) {
}
