package com.deskledger.kernel.member.query;

import java.time.LocalDate;
import java.util.List;

/** Revenue rows of one centre over a period, ordered by key. */
public record RevenueBreakdown(String centre, String currency, String zone, LocalDate from, LocalDate to,
                               RevenueGrouping by, List<RevenueRow> rows) {

    public RevenueBreakdown {
        rows = List.copyOf(rows);
    }
}
