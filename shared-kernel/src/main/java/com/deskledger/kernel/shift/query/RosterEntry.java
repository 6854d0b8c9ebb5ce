package com.deskledger.kernel.shift.query;

import java.time.Instant;
import java.util.List;

/**
 * One shift on the roster. Clock times are the effective ones (after corrections).
 *
 * @param overdue          not clocked in although the planned start has passed
 * @param late             clocked in one minute or more after the planned start
 * @param minutesLate      whole minutes after the planned start, null until clocked in
 * @param openClosingItems closing items not yet ticked: the shift cannot clock out while there are any
 * @param corrections      clock-time corrections made by a supervisor
 */
public record RosterEntry(String shiftId, String staff, String post, String postName, Instant plannedStart,
                          Instant plannedEnd, boolean clockedIn, boolean clockedOut, Instant clockIn,
                          Instant clockOut, boolean overdue, boolean late, Integer minutesLate, int checklistItems,
                          int checklistTicked, List<String> openClosingItems, List<ChecklistRow> checklist,
                          int corrections, List<HandOverNote> handOverNotes) {

    public RosterEntry {
        openClosingItems = List.copyOf(openClosingItems);
        checklist = List.copyOf(checklist);
        handOverNotes = List.copyOf(handOverNotes);
    }

    /** One checklist item and whether, when and by whom it was ticked. */
    public record ChecklistRow(String item, String label, boolean closing, Instant tickedAt, String tickedBy) {
    }
}
