package com.deskledger.kernel.stock.event;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.MovementId;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.PurchaseRequestId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A delivery was received: {@code quantity} units at {@code unitCost}. Back-orders are filled first
 * ({@code backOrdersFilled}); the rest went on the shelf. {@code averageCostAfter} is the weighted average cost of the
 * stock on hand, rounded down to the minor unit.
 */
@Revision("1")
public record DeliveryReceivedEvent(ProductId productId, MovementId deliveryId, int quantity, String supplier,
                                    Money unitCost, String deliveryNote, PurchaseRequestId requestId,
                                    int backOrdersFilled, int onHandAfter, int backOrderedAfter,
                                    Money averageCostAfter, StaffId by, Instant at) {
}
