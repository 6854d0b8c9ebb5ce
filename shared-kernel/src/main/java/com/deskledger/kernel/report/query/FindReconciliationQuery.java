package com.deskledger.kernel.report.query;

import com.deskledger.kernel.CentreId;

import java.time.LocalDate;

/** The head-count reconciliation of the class sessions of one centre starting on one day in its time zone. */
public record FindReconciliationQuery(CentreId centre, LocalDate date) {
}
