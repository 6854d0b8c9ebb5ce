package com.deskledger.kernel.stock.command;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.MovementId;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.PurchaseRequestId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Goods arrived from a supplier: {@code quantity} units at {@code unitCost} each, with the supplier's delivery note;
 * optionally received against an approved purchase request.
 */
public record ReceiveDeliveryCommand(@TargetAggregateIdentifier ProductId productId, MovementId deliveryId,
                                     int quantity, String supplier, Money unitCost, String deliveryNote,
                                     PurchaseRequestId requestId, StaffId by, Instant at) {
}
