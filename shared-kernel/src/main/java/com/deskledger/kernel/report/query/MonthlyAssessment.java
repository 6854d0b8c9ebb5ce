package com.deskledger.kernel.report.query;

import java.time.LocalDate;
import java.util.List;

/** The monthly staff assessment (月考核表) of one centre: a row per staff member, by name. */
public record MonthlyAssessment(String centre, String month, LocalDate from, LocalDate to, String zone,
                                List<AssessmentRow> staff) {
}
