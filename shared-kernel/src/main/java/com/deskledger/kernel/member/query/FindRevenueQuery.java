package com.deskledger.kernel.member.query;

import com.deskledger.kernel.CentreId;

import java.time.LocalDate;

/** Revenue and refunds of a centre over a period, broken down one way. */
public record FindRevenueQuery(CentreId centre, LocalDate from, LocalDate to, String currency,
                               RevenueGrouping by) {
}
