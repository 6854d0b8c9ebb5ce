package com.deskledger.kernel.report.query;

import com.deskledger.kernel.CentreId;

import java.time.YearMonth;

/** The monthly staff assessment (月考核表) of one centre for one calendar month in the centre's time zone. */
public record FindMonthlyAssessmentQuery(CentreId centre, YearMonth month) {
}
