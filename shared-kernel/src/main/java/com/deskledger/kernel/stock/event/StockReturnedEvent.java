package com.deskledger.kernel.stock.event;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.RefundId;
import com.deskledger.kernel.stock.ProductCode;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.StockCategory;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Goods of a refunded sale came back into stock. A walk-in sale's refund also carries the money paid back
 * ({@code amount}, the way it was paid); a member's refund keeps its money on the member's account (both null).
 */
@Revision("1")
public record StockReturnedEvent(ProductId productId, ProductCode code, StockCategory category, PurchaseId saleId,
                                 RefundId refundId, int quantity, Money amount, PaymentMethod paymentMethod,
                                 int onHandAfter, StaffId by, Instant at) {

    /** True for the refund of a walk-in sale. */
    public boolean walkIn() {
        return paymentMethod != null;
    }
}
