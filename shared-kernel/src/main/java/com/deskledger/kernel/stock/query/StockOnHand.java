package com.deskledger.kernel.stock.query;

import com.deskledger.kernel.CentreId;

import java.util.List;

/** A centre's stock; {@code valueAtCostMinor} sums the rows of {@code currency} (the centre's). */
public record StockOnHand(CentreId centre, List<StockRow> products, long valueAtCostMinor, String currency) {
}
