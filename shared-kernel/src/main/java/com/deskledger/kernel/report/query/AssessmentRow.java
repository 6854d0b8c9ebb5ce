package com.deskledger.kernel.report.query;

import java.util.List;

/**
 * One staff member's month. Rates are shares between 0 and 1, null when there is nothing to divide by.
 *
 * @param visitsHandled         walk-in, member and partner visits handled (the consultant who handled it, else the
 *                              receptionist)
 * @param callsAnswered         calls the staff member answered
 * @param callsWithinThreeRings of those, answered within three rings
 * @param complaintsResolved    complaints handled by the staff member first resolved in the month
 * @param complaintsSatisfied   of those, closed with the customer satisfied
 * @param satisfactionRate      closings over closings plus reopenings of those complaints
 * @param sales                 sales made and refunds given by the staff member, per currency
 * @param shiftsWorked          shifts of the month's roster days clocked in
 * @param lateArrivals          of those, clocked in late
 * @param punctuality           on-time shifts over shifts worked
 * @param checklistItems        checklist items of the shifts worked
 * @param checklistTicked       of those, ticked
 * @param checklistCompletion   ticked over items
 */
public record AssessmentRow(String staff, long visitsHandled, long callsAnswered, long callsWithinThreeRings,
                            long complaintsResolved, long complaintsSatisfied, Double satisfactionRate,
                            List<MoneyTotals> sales, long shiftsWorked, long lateArrivals, Double punctuality,
                            long checklistItems, long checklistTicked, Double checklistCompletion) {
}
