package com.deskledger.kernel.shift.query;

import com.deskledger.kernel.CentreId;

import java.time.LocalDate;

/** The teachers' head-counts of one centre's class sessions that were scheduled to start on one day. */
public record FindHeadCountsQuery(CentreId centre, LocalDate date) {
}
