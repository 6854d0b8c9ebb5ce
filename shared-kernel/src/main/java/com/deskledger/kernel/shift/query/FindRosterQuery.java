package com.deskledger.kernel.shift.query;

import com.deskledger.kernel.CentreId;

import java.time.Instant;
import java.time.LocalDate;

/** The roster of one centre for one roster day; {@code now} decides which shifts are overdue. */
public record FindRosterQuery(CentreId centre, LocalDate date, Instant now) {
}
