package com.deskledger.kernel.report.query;

import java.time.LocalDate;
import java.util.List;

/**
 * The weekly report (周报表) of one centre. Rates are shares between 0 and 1, null when there is nothing to divide
 * by.
 *
 * @param visits                visits and calls that began in the week, all channels
 * @param byChannel             the same by channel
 * @param calls                 calls ({@code CALL_IN}) among them
 * @param callsWithinThreeRings calls answered within three rings
 * @param conversions           visits and calls of the week that led to an enrolment
 * @param complaintsOpened      complaints filed in the week
 * @param complaintsClosed      complaints closed (the customer satisfied) in the week
 * @param complaintsBreached    complaints with an SLA clock that fell due unmet in the week
 * @param satisfactionRate      of the complaints closed in the week: closings over closings plus reopenings
 * @param money                 sales and refunds per currency
 * @param classMarks            members' places in class sessions starting in the week, settled in any way
 * @param classCheckIns         check-ins among them
 * @param attendanceRate        check-ins over places
 * @param shiftsWorked          shifts of the week's roster days that were clocked in
 * @param lateArrivals          those clocked in late
 * @param punctuality           on-time shifts over shifts worked
 */
public record WeeklyReport(String centre, String week, LocalDate from, LocalDate to, String zone, long visits,
                           List<ChannelCount> byChannel, long calls, long callsWithinThreeRings, long conversions,
                           Double conversionRate, long complaintsOpened, long complaintsClosed,
                           long complaintsBreached, Double satisfactionRate, List<MoneyTotals> money,
                           long classMarks, long classCheckIns, Double attendanceRate, long shiftsWorked,
                           long lateArrivals, Double punctuality) {
}
