package com.deskledger.kernel.stock.event;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.stock.ProductCode;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.StockCategory;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Stock drawn down for a sale line: {@code fromStock} units from the shelf and {@code backOrdered} owed to the customer
 * (only for products that take back-orders). A walk-in sale has no {@code member}; its {@code amount} and
 * {@code paymentMethod} are the takings. A member's sale keeps its money on the member's account.
 */
@Revision("1")
public record StockSoldEvent(ProductId productId, ProductCode code, StockCategory category, PurchaseId saleId,
                             MemberId member, int quantity, int fromStock, int backOrdered, Money unitPrice,
                             Money amount, PaymentMethod paymentMethod, int onHandAfter, int backOrderedAfter, StaffId by, Instant at) {

    /** True for a sale to a non-member at the desk. */
    public boolean walkIn() {
        return member == null;
    }
}
