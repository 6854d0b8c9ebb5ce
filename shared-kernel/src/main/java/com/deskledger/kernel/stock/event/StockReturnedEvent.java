package com.deskledger.kernel.stock.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.RefundId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Goods of a refunded sale came back into stock. */
@Revision("1")
public record StockReturnedEvent(ProductId productId, PurchaseId saleId, RefundId refundId, int quantity,
                                 int onHandAfter, StaffId by, Instant at) {
}
