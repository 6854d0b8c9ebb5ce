package com.deskledger.command.shift;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ChecklistItem;
import com.deskledger.kernel.shift.ClockPunch;
import com.deskledger.kernel.shift.ShiftId;
import com.deskledger.kernel.shift.command.CancelShiftCommand;
import com.deskledger.kernel.shift.command.ClockInCommand;
import com.deskledger.kernel.shift.command.ClockOutCommand;
import com.deskledger.kernel.shift.command.CorrectClockTimeCommand;
import com.deskledger.kernel.shift.command.ReassignShiftCommand;
import com.deskledger.kernel.shift.command.RecordHeadCountCommand;
import com.deskledger.kernel.shift.command.ScheduleShiftCommand;
import com.deskledger.kernel.shift.command.TickChecklistItemCommand;
import com.deskledger.kernel.shift.command.WriteHandOverNoteCommand;
import com.deskledger.kernel.shift.event.ChecklistItemTickedEvent;
import com.deskledger.kernel.shift.event.ClockTimeCorrectedEvent;
import com.deskledger.kernel.shift.event.HandOverNoteWrittenEvent;
import com.deskledger.kernel.shift.event.HeadCountRecordedEvent;
import com.deskledger.kernel.shift.event.ShiftCancelledEvent;
import com.deskledger.kernel.shift.event.ShiftClockedInEvent;
import com.deskledger.kernel.shift.event.ShiftClockedOutEvent;
import com.deskledger.kernel.shift.event.ShiftReassignedEvent;
import com.deskledger.kernel.shift.event.ShiftScheduledEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One staff member's duty on one post on one roster day: scheduled by a supervisor, clocked in and out, its post's
 * checklist ticked off, head-counts and hand-over notes recorded during it. Corrections are new events.
 */
@Aggregate
class Shift {

    /** How long before the planned start a clock-in is still taken as this shift's. */
    static final Duration EARLIEST_CLOCK_IN = Duration.ofHours(2);
    static final Duration LONGEST_SHIFT = Duration.ofHours(24);

    @AggregateIdentifier
    private ShiftId id;
    private StaffId staff;
    private Instant plannedStart;
    private Instant plannedEnd;
    /** Item code to whether it is a closing item, in checklist order. */
    private final Map<String, Boolean> checklist = new LinkedHashMap<>();
    private final Set<String> ticked = new HashSet<>();
    private Instant clockIn;
    private Instant clockOut;
    private boolean cancelled;

    Shift() {
        // for Axon
    }

    @CommandHandler
    Shift(ScheduleShiftCommand command) {
        if (!command.plannedEnd().isAfter(command.plannedStart())) {
            throw new DomainException(ErrorCode.SHIFT_TIMES_INVALID, "the shift must end after it starts", "end");
        }
        if (Duration.between(command.plannedStart(), command.plannedEnd()).compareTo(LONGEST_SHIFT) > 0) {
            throw new DomainException(ErrorCode.SHIFT_TIMES_INVALID, "a shift lasts at most 24 hours", "end");
        }
        if (command.checklist().stream().map(ChecklistItem::code).distinct().count() != command.checklist().size()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "checklist item codes must be unique",
                    "checklist");
        }
        apply(new ShiftScheduledEvent(command.shiftId(), command.centre(), command.staff(), command.date(),
                command.post(), command.postName(), command.checklist(), command.plannedStart(),
                command.plannedEnd(), command.scheduledBy(), command.at()));
    }

    @CommandHandler
    void handle(ReassignShiftCommand command) {
        requireNotCancelled();
        requireNotStarted(command.at());
        if (command.staff().equals(staff)) {
            throw new DomainException(ErrorCode.REASSIGN_TO_SAME_STAFF, "the shift is already that staff member's",
                    "staff");
        }
        apply(new ShiftReassignedEvent(id, staff, command.staff(), command.reason(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(CancelShiftCommand command) {
        requireNotCancelled();
        requireNotStarted(command.at());
        apply(new ShiftCancelledEvent(id, staff, command.reason(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(ClockInCommand command) {
        requireNotCancelled();
        requireOwnShiftOrSupervisor(command.by(), command.bySupervisor());
        if (clockIn != null) {
            throw new DomainException(ErrorCode.ALREADY_CLOCKED_IN, "the shift is already clocked in");
        }
        requireNotInFuture(command.time(), command.at(), "at");
        requireClockInWindow(command.time());
        apply(new ShiftClockedInEvent(id, staff, command.time(), minutesLate(command.time()), command.by(),
                command.at()));
    }

    @CommandHandler
    void handle(ClockOutCommand command) {
        requireNotCancelled();
        requireOwnShiftOrSupervisor(command.by(), command.bySupervisor());
        requireClockedIn();
        if (clockOut != null) {
            throw new DomainException(ErrorCode.ALREADY_CLOCKED_OUT, "the shift is already clocked out");
        }
        requireNotInFuture(command.time(), command.at(), "at");
        if (!command.time().isAfter(clockIn)) {
            throw new DomainException(ErrorCode.CLOCK_OUT_BEFORE_CLOCK_IN, "clock-out must be after clock-in", "at");
        }
        List<String> open = openClosingItems();
        if (!open.isEmpty()) {
            throw new DomainException(ErrorCode.CLOSING_ITEMS_OPEN,
                    "closing items still open: " + String.join(", ", open));
        }
        apply(new ShiftClockedOutEvent(id, staff, command.time(), command.by(), command.at()));
    }

    /** Only supervisors send this command (checked by the controller); the rules here are about the times. */
    @CommandHandler
    void handle(CorrectClockTimeCommand command) {
        requireNotCancelled();
        if (command.reason() == null || command.reason().isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a correction needs a reason", "reason");
        }
        requireNotInFuture(command.correctedTime(), command.at(), "time");
        Instant corrected = command.correctedTime();
        if (command.punch() == ClockPunch.IN) {
            requireClockedIn();
            requireChanged(clockIn, corrected);
            requireClockInWindow(corrected);
            if (clockOut != null && !corrected.isBefore(clockOut)) {
                throw new DomainException(ErrorCode.CLOCK_OUT_BEFORE_CLOCK_IN, "clock-in must be before clock-out",
                        "time");
            }
            apply(new ClockTimeCorrectedEvent(id, ClockPunch.IN, clockIn, corrected, minutesLate(corrected),
                    command.reason(), command.by(), command.at()));
        } else {
            if (clockOut == null) {
                throw new DomainException(ErrorCode.NOT_CLOCKED_OUT, "the shift has not been clocked out");
            }
            requireChanged(clockOut, corrected);
            if (!corrected.isAfter(clockIn)) {
                throw new DomainException(ErrorCode.CLOCK_OUT_BEFORE_CLOCK_IN, "clock-out must be after clock-in",
                        "time");
            }
            apply(new ClockTimeCorrectedEvent(id, ClockPunch.OUT, clockOut, corrected, null, command.reason(),
                    command.by(), command.at()));
        }
    }

    @CommandHandler
    void handle(TickChecklistItemCommand command) {
        requireNotCancelled();
        requireOwnShiftOrSupervisor(command.by(), command.bySupervisor());
        requireOnDuty();
        if (!checklist.containsKey(command.item())) {
            throw new DomainException(ErrorCode.CHECKLIST_ITEM_UNKNOWN, "no such item on this post's checklist");
        }
        if (ticked.contains(command.item())) {
            throw new DomainException(ErrorCode.CHECKLIST_ITEM_ALREADY_TICKED, "the item is already ticked");
        }
        apply(new ChecklistItemTickedEvent(id, command.item(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(RecordHeadCountCommand command) {
        requireNotCancelled();
        requireOwnShiftOrSupervisor(command.by(), command.bySupervisor());
        requireOnDuty();
        if (command.count() < 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a head-count cannot be negative", "count");
        }
        apply(new HeadCountRecordedEvent(id, command.headCountId(), command.classId(), command.className(),
                command.scheduledStart(), command.room(), command.count(), command.teacher(), command.by(),
                command.at()));
    }

    /** A note may still be left after clocking out, but not before the shift was clocked in. */
    @CommandHandler
    void handle(WriteHandOverNoteCommand command) {
        requireNotCancelled();
        requireOwnShiftOrSupervisor(command.by(), command.bySupervisor());
        requireClockedIn();
        if (command.note() == null || command.note().isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the note is empty", "note");
        }
        apply(new HandOverNoteWrittenEvent(id, command.note(), command.by(), command.at()));
    }

    private void requireNotCancelled() {
        if (cancelled) {
            throw new DomainException(ErrorCode.SHIFT_CANCELLED, "the shift was cancelled");
        }
    }

    /** A shift has started once it is clocked in or its planned start has passed. */
    private void requireNotStarted(Instant at) {
        if (clockIn != null || !at.isBefore(plannedStart)) {
            throw new DomainException(ErrorCode.SHIFT_ALREADY_STARTED,
                    "the shift has started; it can no longer be reassigned or cancelled");
        }
    }

    private void requireOwnShiftOrSupervisor(StaffId by, boolean bySupervisor) {
        if (!bySupervisor && !staff.equals(by)) {
            throw new DomainException(ErrorCode.NOT_YOUR_SHIFT,
                    "only the staff member on the shift or a supervisor may do this");
        }
    }

    private void requireClockedIn() {
        if (clockIn == null) {
            throw new DomainException(ErrorCode.NOT_CLOCKED_IN, "the shift has not been clocked in");
        }
    }

    private void requireOnDuty() {
        requireClockedIn();
        if (clockOut != null) {
            throw new DomainException(ErrorCode.ALREADY_CLOCKED_OUT, "the shift is already clocked out");
        }
    }

    private static void requireNotInFuture(Instant time, Instant now, String field) {
        if (time.isAfter(now)) {
            throw new DomainException(ErrorCode.CLOCK_TIME_IN_FUTURE, "a clock time cannot be in the future", field);
        }
    }

    private void requireClockInWindow(Instant time) {
        if (time.isBefore(plannedStart.minus(EARLIEST_CLOCK_IN))) {
            throw new DomainException(ErrorCode.CLOCK_IN_TOO_EARLY,
                    "clock-in is possible from two hours before the planned start");
        }
        if (!time.isBefore(plannedEnd)) {
            throw new DomainException(ErrorCode.CLOCK_IN_AFTER_SHIFT_END, "the shift's planned end has passed");
        }
    }

    private static void requireChanged(Instant current, Instant corrected) {
        if (current.equals(corrected)) {
            throw new DomainException(ErrorCode.CORRECTION_UNCHANGED, "that is already the recorded time", "time");
        }
    }

    /** Whole minutes after the planned start; under a minute counts as on time. */
    private int minutesLate(Instant time) {
        return time.isAfter(plannedStart) ? (int) Duration.between(plannedStart, time).toMinutes() : 0;
    }

    private List<String> openClosingItems() {
        return checklist.entrySet().stream()
                .filter(item -> item.getValue() && !ticked.contains(item.getKey()))
                .map(Map.Entry::getKey).toList();
    }

    @EventSourcingHandler
    void on(ShiftScheduledEvent event) {
        id = event.shiftId();
        staff = event.staff();
        plannedStart = event.plannedStart();
        plannedEnd = event.plannedEnd();
        event.checklist().forEach(item -> checklist.put(item.code(), item.closing()));
    }

    @EventSourcingHandler
    void on(ShiftReassignedEvent event) {
        staff = event.to();
    }

    @EventSourcingHandler
    void on(ShiftCancelledEvent event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(ShiftClockedInEvent event) {
        clockIn = event.time();
    }

    @EventSourcingHandler
    void on(ShiftClockedOutEvent event) {
        clockOut = event.time();
    }

    @EventSourcingHandler
    void on(ClockTimeCorrectedEvent event) {
        if (event.punch() == ClockPunch.IN) {
            clockIn = event.correctedTime();
        } else {
            clockOut = event.correctedTime();
        }
    }

    @EventSourcingHandler
    void on(ChecklistItemTickedEvent event) {
        ticked.add(event.item());
    }
}
