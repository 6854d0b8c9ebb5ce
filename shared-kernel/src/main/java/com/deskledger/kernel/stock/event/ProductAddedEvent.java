package com.deskledger.kernel.stock.event;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.ProductCode;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.ProductUse;
import com.deskledger.kernel.stock.StockCategory;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A product entered the centre's catalogue. */
@Revision("1")
public record ProductAddedEvent(ProductId productId, CentreId centre, ProductCode code, String name,
                                StockCategory category, ProductUse use, Money unitPrice, int reorderLevel,
                                boolean backOrders, StaffId by, Instant at) implements CentreScoped {
}
