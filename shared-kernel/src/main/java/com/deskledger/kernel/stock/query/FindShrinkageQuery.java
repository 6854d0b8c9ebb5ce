package com.deskledger.kernel.stock.query;

import com.deskledger.kernel.CentreId;

import java.time.Instant;
import java.time.YearMonth;

/** Stock adjustments of a centre in one month (in the centre's time zone). */
public record FindShrinkageQuery(CentreId centre, YearMonth month, Instant from, Instant to) {
}
