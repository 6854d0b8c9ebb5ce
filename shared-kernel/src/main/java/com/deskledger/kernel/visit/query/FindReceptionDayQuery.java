package com.deskledger.kernel.visit.query;

import com.deskledger.kernel.CentreId;

import java.time.LocalDate;

/** The reception figures of one centre on one day, the day counted in the centre's time zone. */
public record FindReceptionDayQuery(CentreId centre, LocalDate date) {
}
