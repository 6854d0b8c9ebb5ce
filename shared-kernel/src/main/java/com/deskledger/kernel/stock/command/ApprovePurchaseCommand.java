package com.deskledger.kernel.stock.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.PurchaseRequestId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A supervisor approves a purchase request; deliveries may then be received against it. */
public record ApprovePurchaseCommand(@TargetAggregateIdentifier ProductId productId, PurchaseRequestId requestId,
                                     boolean bySupervisor, StaffId by, Instant at) {
}
