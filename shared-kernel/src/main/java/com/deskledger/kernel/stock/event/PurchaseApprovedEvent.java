package com.deskledger.kernel.stock.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.PurchaseRequestId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A supervisor approved a purchase request. */
@Revision("1")
public record PurchaseApprovedEvent(ProductId productId, PurchaseRequestId requestId, int quantity, StaffId by,
                                    Instant at) {
}
