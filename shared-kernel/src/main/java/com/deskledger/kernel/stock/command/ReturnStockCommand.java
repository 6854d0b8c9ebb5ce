package com.deskledger.kernel.stock.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.RefundId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Goods of a refunded sale come back into stock. */
public record ReturnStockCommand(@TargetAggregateIdentifier ProductId productId, PurchaseId saleId, RefundId refundId,
                                 int quantity, StaffId by, Instant at) {
}
