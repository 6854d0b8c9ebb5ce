package com.deskledger.kernel.stock.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Puts back what a sale drew down because the sale itself was refused (the compensation of a failed sale). */
public record CancelStockSaleCommand(@TargetAggregateIdentifier ProductId productId, PurchaseId saleId, StaffId by,
                                     Instant at) {
}
