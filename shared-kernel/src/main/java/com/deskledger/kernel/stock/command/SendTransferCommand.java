package com.deskledger.kernel.stock.command;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.MovementId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Goods leave this centre for another one; they are in transit until that centre receives them. */
public record SendTransferCommand(@TargetAggregateIdentifier ProductId productId, MovementId transferId,
                                  CentreId destination, int quantity, StaffId by, Instant at) {
}
