package com.deskledger.kernel.stock.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.RefundId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Goods of a refunded sale come back into stock: a member's refund (decided on the member's account) or a walk-in
 * sale's ({@code walkIn}; after seven days only a manager refunds it, {@code byManager}).
 */
public record ReturnStockCommand(@TargetAggregateIdentifier ProductId productId, PurchaseId saleId, RefundId refundId,
                                 int quantity, boolean walkIn, boolean byManager, StaffId by, Instant at) {
}
