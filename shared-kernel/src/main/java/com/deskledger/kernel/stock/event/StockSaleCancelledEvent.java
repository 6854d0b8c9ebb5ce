package com.deskledger.kernel.stock.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A sale was refused after its stock was drawn down: the stock (and back-order) went back as it was. */
@Revision("1")
public record StockSaleCancelledEvent(ProductId productId, PurchaseId saleId, int quantity, int fromStock,
                                      int backOrdered, int onHandAfter, int backOrderedAfter, StaffId by,
                                      Instant at) {
}
