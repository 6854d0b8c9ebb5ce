package com.deskledger.kernel.visit.query;

import com.deskledger.kernel.CentreId;

import java.time.LocalDate;

/** The visits and calls of one centre on one day, newest first; personal data masked unless revealed. */
public record FindReceptionVisitsQuery(CentreId centre, LocalDate date, int page, int size, boolean revealPersonal) {
}
