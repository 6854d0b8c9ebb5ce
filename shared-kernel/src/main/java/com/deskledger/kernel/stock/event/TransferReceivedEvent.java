package com.deskledger.kernel.stock.event;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.MovementId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Goods sent by another centre's product arrived here. */
@Revision("1")
public record TransferReceivedEvent(ProductId productId, MovementId transferId, CentreId origin,
                                    ProductId fromProduct, int quantity, Money unitCost, int backOrdersFilled,
                                    int onHandAfter, int backOrderedAfter, Money averageCostAfter, StaffId by,
                                    Instant at) {
}
