package com.deskledger.kernel.stock.command;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Draws down stock for one line of a sale: a member's desk sale ({@code member} set; the money is on the member's
 * account) or a walk-in sale to a non-member ({@code member} null; the money is recorded here). Without
 * {@code unitPrice} the catalogue's price applies.
 */
public record SellStockCommand(@TargetAggregateIdentifier ProductId productId, PurchaseId saleId, MemberId member,
                               int quantity, Money unitPrice, PaymentMethod paymentMethod, StaffId by,
                               Instant at) {
}
