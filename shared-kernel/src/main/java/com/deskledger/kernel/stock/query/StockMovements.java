package com.deskledger.kernel.stock.query;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.stock.ProductId;

import java.util.List;

/** One product's movements, oldest first. */
public record StockMovements(ProductId productId, CentreId centre, String code, String name,
                             List<MovementRow> movements) {
}
