package com.deskledger.kernel.complaint.query;

import java.util.List;

/**
 * Complaint KPIs of one group (the centre, a category, a department or a handler; {@code key} is null for the
 * centre and for complaints not yet triaged or assigned). Times are business seconds; rates are shares from 0 to 1,
 * null when there is nothing to divide by.
 *
 * @param open                 of these complaints, how many are neither closed nor withdrawn
 * @param firstResponseMedianSeconds median business time from filing to the first response
 * @param resolutionMedianSeconds median business time from filing to the first resolution the customer was told;
 *                             reopening does not change it
 * @param slaBreachRate        complaints with at least one SLA breach over all complaints
 * @param reopenRate           complaints reopened at least once over complaints that got a resolution
 * @param satisfactionRate     satisfied answers over all answers customers gave to resolutions
 * @param compensation         compensation offered to customers, per currency
 */
public record KpiRow(String key, long filed, long open, long closed, long withdrawn,
                     Double firstResponseMedianSeconds, Double firstResponseP90Seconds,
                     Double resolutionMedianSeconds, Double resolutionP90Seconds, long breached, Double slaBreachRate,
                     long reopened, Double reopenRate, Double satisfactionRate, List<MoneyTotal> compensation) {

    public KpiRow {
        compensation = List.copyOf(compensation);
    }
}
