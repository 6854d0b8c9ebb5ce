package com.deskledger.kernel.member.query;

import com.deskledger.kernel.CentreId;

import java.time.LocalDate;

/** A centre's sales figures from {@code from} to {@code to} (both days included, in the centre's zone). */
public record FindSalesSummaryQuery(CentreId centre, LocalDate from, LocalDate to, String currency) {
}
