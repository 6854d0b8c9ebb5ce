package com.deskledger.kernel.stock.command;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.MovementId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Goods sent from another centre's product ({@code fromProduct}) arrive here, at the sender's cost. */
public record ReceiveTransferCommand(@TargetAggregateIdentifier ProductId productId, MovementId transferId,
                                     CentreId origin, ProductId fromProduct, int quantity, Money unitCost, StaffId by,
                                     Instant at) {
}
