package com.deskledger.kernel.stock.event;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.ProductUse;
import com.deskledger.kernel.stock.StockCategory;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The catalogue entry as it is after a change (every field, changed or not). */
@Revision("1")
public record ProductChangedEvent(ProductId productId, String name, StockCategory category, ProductUse use,
                                  Money unitPrice, int reorderLevel, boolean backOrders, boolean active, StaffId by,
                                  Instant at) {
}
