package com.deskledger.kernel.member.query;

import com.deskledger.kernel.Money;

import java.time.LocalDate;

/**
 * A centre's sales over a period, every amount an exact sum in {@code currency}.
 *
 * @param gross                 everything sold in the period (packages and desk sales)
 * @param refunds               money given back in the period, whenever the purchase was
 * @param net                   gross minus refunds
 * @param renewals              packages bought in the period by members who had bought one before (续约)
 * @param existingMembers       members who had bought a package before the period began
 * @param renewedMembers        of those, how many renewed in the period
 * @param renewalRate           renewedMembers over existingMembers, or null when there were none
 * @param visits                visits and calls that arrived in the period
 * @param convertedVisits       of those, how many led to an enrolment
 * @param conversionRate        convertedVisits over visits, or null when there were none
 * @param enrolments            members enrolled in the period
 * @param outstandingCredits    class credits bought and not yet taken, now (whatever the period)
 * @param outstandingValue      their value: per pack, price times credits left over credits bought, rounded
 *                              down to the minor unit
 * @param pendingRefunds        refunds waiting for a manager's approval, now
 */
public record SalesSummary(String centre, String currency, String zone, LocalDate from, LocalDate to, Money gross,
                           Money refunds, Money net, Money packageGross, Money productGross, long purchases,
                           long refundCount, long renewals, long existingMembers, long renewedMembers,
                           Double renewalRate, long visits, long convertedVisits, Double conversionRate,
                           long enrolments, long outstandingCredits, Money outstandingValue, long pendingRefunds,
                           Money pendingRefundAmount) {
}
