package com.deskledger.kernel.shift.query;

/**
 * Attendance figures of one staff member (or, with {@code staff} null, of the whole centre). Cancelled shifts are
 * left out; clock times are the effective ones (after corrections).
 *
 * @param shiftsScheduled         shifts on the roster
 * @param shiftsWorked            shifts clocked in
 * @param absences                shifts not clocked in whose planned end has passed
 * @param notClockedOut           shifts clocked in but not (yet) out: their hours are not counted
 * @param lateArrivals            shifts clocked in one minute or more after the planned start
 * @param minutesLate             whole minutes late, summed
 * @param punctualityRate         on-time share of the shifts worked, null when none was worked
 * @param plannedMinutes          planned duration of the shifts on the roster
 * @param minutesWorked           clock-in to clock-out of the shifts clocked out, in whole minutes
 * @param hoursWorked             the same in hours, to two decimals
 * @param checklistItems          checklist items of the shifts worked
 * @param checklistItemsTicked    of which ticked
 * @param checklistCompletionRate ticked over items, null when there were none
 * @param corrections             clock-time corrections made by a supervisor
 */
public record StaffAttendanceRow(String staff, long shiftsScheduled, long shiftsWorked, long absences,
                                 long notClockedOut, long lateArrivals, long minutesLate, Double punctualityRate,
                                 long plannedMinutes, long minutesWorked, double hoursWorked, long checklistItems,
                                 long checklistItemsTicked, Double checklistCompletionRate, long corrections) {
}
