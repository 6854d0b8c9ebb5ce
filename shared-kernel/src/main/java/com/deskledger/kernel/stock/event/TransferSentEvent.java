package com.deskledger.kernel.stock.event;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.MovementId;
import com.deskledger.kernel.stock.ProductId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Goods left for another centre at {@code unitCost}; they are in transit until received there. */
@Revision("1")
public record TransferSentEvent(ProductId productId, MovementId transferId, CentreId destination, int quantity,
                                Money unitCost, int onHandAfter, StaffId by, Instant at) {
}
