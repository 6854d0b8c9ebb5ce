package com.deskledger.kernel.complaint.query;

import com.deskledger.kernel.CentreId;

import java.time.LocalDate;

/** The complaint KPIs of the complaints a centre filed from {@code from} to {@code to} (its days, inclusive). */
public record FindComplaintKpisQuery(CentreId centre, LocalDate from, LocalDate to) {
}
