package com.deskledger.kernel.stock.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.PurchaseRequestId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A receptionist asks to buy {@code quantity} units (消费品采购); a supervisor approves. */
public record RequestPurchaseCommand(@TargetAggregateIdentifier ProductId productId, PurchaseRequestId requestId,
                                     int quantity, StaffId by, Instant at) {
}
