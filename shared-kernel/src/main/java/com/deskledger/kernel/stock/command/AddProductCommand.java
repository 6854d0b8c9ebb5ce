package com.deskledger.kernel.stock.command;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.stock.ProductCode;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.ProductUse;
import com.deskledger.kernel.stock.StockCategory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A product enters the centre's catalogue, with no stock yet. */
public record AddProductCommand(@TargetAggregateIdentifier ProductId productId, CentreId centre, ProductCode code,
                                String name, StockCategory category, ProductUse use, Money unitPrice,
                                int reorderLevel, boolean backOrders, StaffId by, Instant at)
        implements CentreScoped {
}
