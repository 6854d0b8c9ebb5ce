package com.deskledger.kernel.stock.command;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.ProductUse;
import com.deskledger.kernel.stock.StockCategory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Changes a catalogue entry; every field left null stays as it is. {@code active: false} takes it off sale. */
public record ChangeProductCommand(@TargetAggregateIdentifier ProductId productId, String name,
                                   StockCategory category, ProductUse use, Money unitPrice, Integer reorderLevel,
                                   Boolean backOrders, Boolean active, StaffId by, Instant at) {
}
