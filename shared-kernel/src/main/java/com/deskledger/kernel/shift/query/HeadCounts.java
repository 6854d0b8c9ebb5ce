package com.deskledger.kernel.shift.query;

import java.time.LocalDate;
import java.util.List;

/** The head-counts of one centre's class sessions on one day (centre's time zone), by scheduled start. */
public record HeadCounts(String centre, LocalDate date, String zone, List<HeadCountRow> sessions) {

    public HeadCounts {
        sessions = List.copyOf(sessions);
    }
}
