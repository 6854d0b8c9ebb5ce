package com.deskledger.kernel.stock.query;

import com.deskledger.kernel.CentreId;

import java.time.YearMonth;
import java.util.List;

/** Shrinkage and surplus of a centre in a month, per product and in total (the centre's currency). */
public record Shrinkage(CentreId centre, YearMonth month, List<ShrinkageRow> products, int shrinkageUnits,
                        long shrinkageValueMinor, int surplusUnits, long surplusValueMinor, String currency) {
}
