package com.deskledger.kernel.stock.query;

import com.deskledger.kernel.stock.ProductId;

/** Every movement of one product, oldest first. */
public record FindMovementsQuery(ProductId productId) {
}
