package com.deskledger.kernel.member.query;

import com.deskledger.kernel.CentreId;

import java.time.LocalDate;

/** The class sessions of one centre starting on one day (the centre's zone). */
public record FindAttendanceDayQuery(CentreId centre, LocalDate date) {
}
