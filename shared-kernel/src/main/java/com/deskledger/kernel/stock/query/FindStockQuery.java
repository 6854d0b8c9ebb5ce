package com.deskledger.kernel.stock.query;

import com.deskledger.kernel.CentreId;

/** A centre's stock on hand per product; {@code belowReorderOnly}: only products at or below their reorder level. */
public record FindStockQuery(CentreId centre, boolean belowReorderOnly) {
}
