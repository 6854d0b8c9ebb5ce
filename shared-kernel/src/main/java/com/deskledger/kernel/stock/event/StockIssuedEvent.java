package com.deskledger.kernel.stock.event;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.IssueReason;
import com.deskledger.kernel.stock.MovementId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Goods left the stock without a sale, worth {@code valueAtCost}. */
@Revision("1")
public record StockIssuedEvent(ProductId productId, MovementId issueId, int quantity, IssueReason reason,
                               Money valueAtCost, int onHandAfter, StaffId by, Instant at) {
}
