package com.deskledger.kernel.shift.query;

import java.time.LocalDate;
import java.util.List;

/**
 * The roster of one centre for one day: who is on which post, clocked in or not, late or not, and the hand-over
 * notes left by the shifts of the last earlier day that wrote any.
 */
public record Roster(String centre, LocalDate date, String zone, List<RosterEntry> shifts,
                     List<HandOverNote> incomingHandOver) {

    public Roster {
        shifts = List.copyOf(shifts);
        incomingHandOver = List.copyOf(incomingHandOver);
    }
}
