package com.deskledger.kernel.report.query;

import com.deskledger.kernel.CentreId;

import java.time.LocalDate;

/**
 * The weekly report (周报表) of one centre for the ISO week {@code week} (like {@code 2026-W48}), whose days are
 * {@code monday} to the Sunday after it in the centre's time zone.
 */
public record FindWeeklyReportQuery(CentreId centre, String week, LocalDate monday) {
}
