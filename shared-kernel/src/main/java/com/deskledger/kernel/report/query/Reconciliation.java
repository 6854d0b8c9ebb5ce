package com.deskledger.kernel.report.query;

import java.time.LocalDate;
import java.util.List;

/** Teachers' head-counts against members' check-ins for each class session of one day; {@code mismatches} flagged. */
public record Reconciliation(String centre, LocalDate date, String zone, long mismatches,
                             List<ReconciliationRow> sessions) {
}
