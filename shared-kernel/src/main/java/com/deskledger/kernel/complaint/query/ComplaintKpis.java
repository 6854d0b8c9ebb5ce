package com.deskledger.kernel.complaint.query;

import java.time.LocalDate;
import java.util.List;

/**
 * Complaint KPIs of one centre over the complaints filed in a date range (the centre's days): for the centre as a
 * whole and by category, department and handler. {@code openNow} counts every complaint of the centre still open,
 * whenever it was filed.
 */
public record ComplaintKpis(String centre, String zone, LocalDate from, LocalDate to, long openNow,
                            KpiRow overall, List<KpiRow> byCategory, List<KpiRow> byDepartment,
                            List<KpiRow> byHandler) {

    public ComplaintKpis {
        byCategory = List.copyOf(byCategory);
        byDepartment = List.copyOf(byDepartment);
        byHandler = List.copyOf(byHandler);
    }
}
