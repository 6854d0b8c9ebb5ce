package com.deskledger.kernel.report.query;

import com.deskledger.kernel.stock.query.Shrinkage;

import java.time.LocalDate;
import java.util.List;

/**
 * The monthly staff assessment (月考核表) of one centre: a row per staff member, by name; and the centre's stock
 * shrinkage of the month (issue 17), from the stock view.
 */
public record MonthlyAssessment(String centre, String month, LocalDate from, LocalDate to, String zone,
                                List<AssessmentRow> staff, Shrinkage stockShrinkage) {

    /** The same assessment with the month's stock shrinkage. */
    public MonthlyAssessment withShrinkage(Shrinkage shrinkage) {
        return new MonthlyAssessment(centre, month, from, to, zone, staff, shrinkage);
    }
}
