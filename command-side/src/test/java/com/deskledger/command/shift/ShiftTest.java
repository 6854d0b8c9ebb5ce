package com.deskledger.command.shift;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ChecklistItem;
import com.deskledger.kernel.shift.ClockPunch;
import com.deskledger.kernel.shift.HeadCountId;
import com.deskledger.kernel.shift.PostCode;
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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.deskledger.command.DomainExceptionMatchers.hasCode;

class ShiftTest {

    private static final ShiftId SHIFT = ShiftId.random();
    private static final CentreId CENTRE = CentreId.of("main");
    private static final StaffId STAFF = StaffId.of("desk-wang");
    private static final StaffId COLLEAGUE = StaffId.of("desk-li");
    private static final StaffId SUPERVISOR = StaffId.of("supervisor");
    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final PostCode LATE_POST = PostCode.of("weekday-late");
    /** 12:30 to 21:30 in Asia/Shanghai. */
    private static final Instant START = Instant.parse("2026-11-24T04:30:00Z");
    private static final Instant END = Instant.parse("2026-11-24T13:30:00Z");
    private static final Instant BEFORE = Instant.parse("2026-11-23T02:00:00Z");
    private static final List<ChecklistItem> CHECKLIST = List.of(
            new ChecklistItem("parking-vouchers", "Parking vouchers handed out", false),
            new ChecklistItem("rewards", "Small prizes given", false),
            new ChecklistItem("air-conditioning-off", "Air-conditioning off", true),
            new ChecklistItem("all-children-collected", "Every child has left", true));

    private FixtureConfiguration<Shift> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Shift.class);
    }

    // ---------------------------------------------------------------- scheduling

    @Test
    void schedulesAStaffMemberOnAPostWithItsChecklist() {
        fixture.givenNoPriorActivity()
                .when(schedule(START, END))
                .expectSuccessfulHandlerExecution()
                .expectEvents(scheduled());
    }

    @Test
    void rejectsAShiftThatEndsBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(schedule(END, START))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.SHIFT_TIMES_INVALID));
    }

    @Test
    void rejectsAShiftThatEndsWhenItStarts() {
        fixture.givenNoPriorActivity()
                .when(schedule(START, START))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.SHIFT_TIMES_INVALID));
    }

    @Test
    void rejectsAShiftLongerThanADay() {
        fixture.givenNoPriorActivity()
                .when(schedule(START, START.plusSeconds(24 * 3600 + 60)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.SHIFT_TIMES_INVALID));
    }

    @Test
    void rejectsAChecklistWithAnItemTwice() {
        List<ChecklistItem> twice = List.of(new ChecklistItem("tea", "Tea", false),
                new ChecklistItem("tea", "Tea again", false));
        fixture.givenNoPriorActivity()
                .when(new ScheduleShiftCommand(SHIFT, CENTRE, STAFF, DAY, LATE_POST, "Late", twice, START, END,
                        SUPERVISOR, BEFORE))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }

    // ---------------------------------------------------------------- reassigning and cancelling

    @Test
    void reassignsAShiftBeforeItStarts() {
        fixture.given(scheduled())
                .when(new ReassignShiftCommand(SHIFT, COLLEAGUE, "swap", SUPERVISOR, START.minusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ShiftReassignedEvent(SHIFT, STAFF, COLLEAGUE, "swap", SUPERVISOR,
                        START.minusSeconds(60)));
    }

    @Test
    void aReassignedShiftIsClockedInByItsNewStaffMember() {
        fixture.given(scheduled(), new ShiftReassignedEvent(SHIFT, STAFF, COLLEAGUE, null, SUPERVISOR, BEFORE))
                .when(new ClockInCommand(SHIFT, START, COLLEAGUE, false, START))
                .expectEvents(new ShiftClockedInEvent(SHIFT, COLLEAGUE, START, 0, COLLEAGUE, START));
    }

    @Test
    void theFormerStaffMemberCannotClockInAReassignedShift() {
        fixture.given(scheduled(), new ShiftReassignedEvent(SHIFT, STAFF, COLLEAGUE, null, SUPERVISOR, BEFORE))
                .when(new ClockInCommand(SHIFT, START, STAFF, false, START))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_YOUR_SHIFT));
    }

    @Test
    void rejectsReassigningToTheSameStaffMember() {
        fixture.given(scheduled())
                .when(new ReassignShiftCommand(SHIFT, STAFF, null, SUPERVISOR, BEFORE))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.REASSIGN_TO_SAME_STAFF));
    }

    @Test
    void rejectsReassigningOnceThePlannedStartHasPassed() {
        fixture.given(scheduled())
                .when(new ReassignShiftCommand(SHIFT, COLLEAGUE, null, SUPERVISOR, START))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.SHIFT_ALREADY_STARTED));
    }

    @Test
    void rejectsReassigningOnceClockedInEarly() {
        Instant early = START.minusSeconds(1800);
        fixture.given(scheduled(), clockedIn(early, 0))
                .when(new ReassignShiftCommand(SHIFT, COLLEAGUE, null, SUPERVISOR, early.plusSeconds(60)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.SHIFT_ALREADY_STARTED));
    }

    @Test
    void cancelsAShiftBeforeItStarts() {
        fixture.given(scheduled())
                .when(new CancelShiftCommand(SHIFT, "centre closed", SUPERVISOR, BEFORE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ShiftCancelledEvent(SHIFT, STAFF, "centre closed", SUPERVISOR, BEFORE));
    }

    @Test
    void rejectsCancellingOnceThePlannedStartHasPassed() {
        fixture.given(scheduled())
                .when(new CancelShiftCommand(SHIFT, null, SUPERVISOR, START.plusSeconds(1)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.SHIFT_ALREADY_STARTED));
    }

    @Test
    void rejectsCancellingTwice() {
        fixture.given(scheduled(), cancelled())
                .when(new CancelShiftCommand(SHIFT, null, SUPERVISOR, BEFORE))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.SHIFT_CANCELLED));
    }

    @Test
    void rejectsReassigningACancelledShift() {
        fixture.given(scheduled(), cancelled())
                .when(new ReassignShiftCommand(SHIFT, COLLEAGUE, null, SUPERVISOR, BEFORE))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.SHIFT_CANCELLED));
    }

    @Test
    void rejectsClockingInACancelledShift() {
        fixture.given(scheduled(), cancelled())
                .when(new ClockInCommand(SHIFT, START, STAFF, false, START))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.SHIFT_CANCELLED));
    }

    // ---------------------------------------------------------------- clocking in

    @Test
    void clockingInTwelveMinutesAfterThePlannedStartIsTwelveMinutesLate() {
        Instant time = START.plusSeconds(12 * 60 + 40);
        fixture.given(scheduled())
                .when(new ClockInCommand(SHIFT, time, STAFF, false, time))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ShiftClockedInEvent(SHIFT, STAFF, time, 12, STAFF, time));
    }

    @Test
    void clockingInEarlyOrWithinTheFirstMinuteIsOnTime() {
        Instant early = START.minusSeconds(600);
        fixture.given(scheduled())
                .when(new ClockInCommand(SHIFT, early, STAFF, false, early))
                .expectEvents(new ShiftClockedInEvent(SHIFT, STAFF, early, 0, STAFF, early));
        Instant within = START.plusSeconds(59);
        fixture.given(scheduled())
                .when(new ClockInCommand(SHIFT, within, STAFF, false, within))
                .expectEvents(new ShiftClockedInEvent(SHIFT, STAFF, within, 0, STAFF, within));
    }

    @Test
    void aSupervisorClocksInSomeoneElseAtAnEarlierTime() {
        Instant time = START.plusSeconds(300);
        Instant later = START.plusSeconds(3600);
        fixture.given(scheduled())
                .when(new ClockInCommand(SHIFT, time, SUPERVISOR, true, later))
                .expectEvents(new ShiftClockedInEvent(SHIFT, STAFF, time, 5, SUPERVISOR, later));
    }

    @Test
    void rejectsClockingInSomeoneElsesShift() {
        fixture.given(scheduled())
                .when(new ClockInCommand(SHIFT, START, COLLEAGUE, false, START))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.NOT_YOUR_SHIFT));
    }

    @Test
    void rejectsClockingInTwice() {
        fixture.given(scheduled(), clockedIn(START, 0))
                .when(new ClockInCommand(SHIFT, START.plusSeconds(60), STAFF, false, START.plusSeconds(60)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.ALREADY_CLOCKED_IN));
    }

    @Test
    void rejectsAClockInTimeInTheFuture() {
        fixture.given(scheduled())
                .when(new ClockInCommand(SHIFT, START.plusSeconds(600), SUPERVISOR, true, START))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CLOCK_TIME_IN_FUTURE));
    }

    @Test
    void rejectsAClockInMoreThanTwoHoursBeforeThePlannedStart() {
        Instant tooEarly = START.minus(Shift.EARLIEST_CLOCK_IN).minusSeconds(1);
        fixture.given(scheduled())
                .when(new ClockInCommand(SHIFT, tooEarly, STAFF, false, tooEarly))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CLOCK_IN_TOO_EARLY));
    }

    @Test
    void rejectsAClockInAfterThePlannedEnd() {
        fixture.given(scheduled())
                .when(new ClockInCommand(SHIFT, END, STAFF, false, END))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CLOCK_IN_AFTER_SHIFT_END));
    }

    // ---------------------------------------------------------------- checklist and clocking out

    @Test
    void ticksAnItemOfThePostsChecklist() {
        Instant at = START.plusSeconds(3600);
        fixture.given(scheduled(), clockedIn(START, 0))
                .when(new TickChecklistItemCommand(SHIFT, "parking-vouchers", STAFF, false, at))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ChecklistItemTickedEvent(SHIFT, "parking-vouchers", STAFF, at));
    }

    @Test
    void aSupervisorMayTickAnItemForTheStaffMember() {
        Instant at = START.plusSeconds(3600);
        fixture.given(scheduled(), clockedIn(START, 0))
                .when(new TickChecklistItemCommand(SHIFT, "rewards", SUPERVISOR, true, at))
                .expectEvents(new ChecklistItemTickedEvent(SHIFT, "rewards", SUPERVISOR, at));
    }

    @Test
    void rejectsTickingAnItemNotOnThePost() {
        fixture.given(scheduled(), clockedIn(START, 0))
                .when(new TickChecklistItemCommand(SHIFT, "open-centre", STAFF, false, START.plusSeconds(60)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CHECKLIST_ITEM_UNKNOWN));
    }

    @Test
    void rejectsTickingAnItemTwice() {
        fixture.given(scheduled(), clockedIn(START, 0), ticked("parking-vouchers"))
                .when(new TickChecklistItemCommand(SHIFT, "parking-vouchers", STAFF, false, START.plusSeconds(60)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CHECKLIST_ITEM_ALREADY_TICKED));
    }

    @Test
    void rejectsTickingBeforeClockingIn() {
        fixture.given(scheduled())
                .when(new TickChecklistItemCommand(SHIFT, "parking-vouchers", STAFF, false, START))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_CLOCKED_IN));
    }

    @Test
    void rejectsTickingAfterClockingOut() {
        fixture.given(scheduled(), clockedIn(START, 0), ticked("air-conditioning-off"),
                        ticked("all-children-collected"), clockedOut(END))
                .when(new TickChecklistItemCommand(SHIFT, "parking-vouchers", STAFF, false, END.plusSeconds(60)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.ALREADY_CLOCKED_OUT));
    }

    @Test
    void rejectsTickingSomeoneElsesChecklist() {
        fixture.given(scheduled(), clockedIn(START, 0))
                .when(new TickChecklistItemCommand(SHIFT, "parking-vouchers", COLLEAGUE, false, START))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_YOUR_SHIFT));
    }

    @Test
    void aClosingPostCannotClockOutWithAClosingItemOpen() {
        fixture.given(scheduled(), clockedIn(START, 0), ticked("all-children-collected"))
                .when(new ClockOutCommand(SHIFT, END, STAFF, false, END))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.CLOSING_ITEMS_OPEN));
    }

    @Test
    void aSupervisorCannotClockOutAClosingPostWithClosingItemsOpenEither() {
        fixture.given(scheduled(), clockedIn(START, 0))
                .when(new ClockOutCommand(SHIFT, END, SUPERVISOR, true, END))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CLOSING_ITEMS_OPEN));
    }

    @Test
    void clocksOutOnceEveryClosingItemIsTickedEvenWithOtherItemsOpen() {
        fixture.given(scheduled(), clockedIn(START, 0), ticked("air-conditioning-off"),
                        ticked("all-children-collected"))
                .when(new ClockOutCommand(SHIFT, END, STAFF, false, END))
                .expectSuccessfulHandlerExecution()
                .expectEvents(clockedOut(END));
    }

    @Test
    void aPostWithoutClosingItemsClocksOutWithItsChecklistOpen() {
        ScheduleShiftCommand early = new ScheduleShiftCommand(SHIFT, CENTRE, STAFF, DAY, PostCode.of("weekday-early"),
                "Early", List.of(new ChecklistItem("walk-round", "Walk-round", false)), START, END, SUPERVISOR,
                BEFORE);
        fixture.givenCommands(early)
                .andGiven(clockedIn(START, 0))
                .when(new ClockOutCommand(SHIFT, END, STAFF, false, END))
                .expectEvents(clockedOut(END));
    }

    @Test
    void rejectsClockingOutBeforeClockingIn() {
        fixture.given(scheduled())
                .when(new ClockOutCommand(SHIFT, END, STAFF, false, END))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_CLOCKED_IN));
    }

    @Test
    void rejectsClockingOutTwice() {
        fixture.given(closedShift())
                .when(new ClockOutCommand(SHIFT, END.plusSeconds(60), STAFF, false, END.plusSeconds(60)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.ALREADY_CLOCKED_OUT));
    }

    @Test
    void rejectsAClockOutAtOrBeforeTheClockIn() {
        Instant in = START.plusSeconds(600);
        fixture.given(scheduled(), clockedIn(in, 10), ticked("air-conditioning-off"),
                        ticked("all-children-collected"))
                .when(new ClockOutCommand(SHIFT, in, SUPERVISOR, true, END))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CLOCK_OUT_BEFORE_CLOCK_IN));
    }

    @Test
    void rejectsAClockOutTimeInTheFuture() {
        fixture.given(scheduled(), clockedIn(START, 0), ticked("air-conditioning-off"),
                        ticked("all-children-collected"))
                .when(new ClockOutCommand(SHIFT, END, SUPERVISOR, true, END.minusSeconds(1)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CLOCK_TIME_IN_FUTURE));
    }

    @Test
    void rejectsClockingOutSomeoneElsesShift() {
        fixture.given(scheduled(), clockedIn(START, 0), ticked("air-conditioning-off"),
                        ticked("all-children-collected"))
                .when(new ClockOutCommand(SHIFT, END, COLLEAGUE, false, END))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_YOUR_SHIFT));
    }

    // ---------------------------------------------------------------- corrections

    @Test
    void aCorrectedClockInKeepsTheOriginalAndRecomputesLateness() {
        Instant wrong = START.plusSeconds(20 * 60);
        Instant right = START.plusSeconds(3 * 60);
        fixture.given(scheduled(), clockedIn(wrong, 20))
                .when(new CorrectClockTimeCommand(SHIFT, ClockPunch.IN, right, "badge reader was slow", SUPERVISOR,
                        END))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClockTimeCorrectedEvent(SHIFT, ClockPunch.IN, wrong, right, 3,
                        "badge reader was slow", SUPERVISOR, END));
    }

    @Test
    void aCorrectedClockOutKeepsTheOriginal() {
        Instant later = END.plusSeconds(15 * 60);
        Instant at = END.plusSeconds(3600);
        fixture.given(closedShift())
                .when(new CorrectClockTimeCommand(SHIFT, ClockPunch.OUT, later, "forgot to clock out", SUPERVISOR,
                        at))
                .expectEvents(new ClockTimeCorrectedEvent(SHIFT, ClockPunch.OUT, END, later, null,
                        "forgot to clock out", SUPERVISOR, at));
    }

    @Test
    void aSecondCorrectionStartsFromTheFirstOne() {
        Instant first = START.plusSeconds(5 * 60);
        Instant second = START.plusSeconds(2 * 60);
        Instant at = END.plusSeconds(3600);
        fixture.given(scheduled(), clockedIn(START.plusSeconds(30 * 60), 30),
                        new ClockTimeCorrectedEvent(SHIFT, ClockPunch.IN, START.plusSeconds(30 * 60), first, 5, "r1",
                                SUPERVISOR, at))
                .when(new CorrectClockTimeCommand(SHIFT, ClockPunch.IN, second, "r2", SUPERVISOR, at))
                .expectEvents(new ClockTimeCorrectedEvent(SHIFT, ClockPunch.IN, first, second, 2, "r2", SUPERVISOR,
                        at));
    }

    @Test
    void aCorrectedClockInDecidesWhetherAClockOutComesAfterIt() {
        Instant at = END.plusSeconds(3600);
        fixture.given(scheduled(), clockedIn(START, 0),
                        new ClockTimeCorrectedEvent(SHIFT, ClockPunch.IN, START, START.plusSeconds(7200), 120, "r",
                                SUPERVISOR, at), ticked("air-conditioning-off"), ticked("all-children-collected"))
                .when(new ClockOutCommand(SHIFT, START.plusSeconds(3600), SUPERVISOR, true, at))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CLOCK_OUT_BEFORE_CLOCK_IN));
    }

    @Test
    void rejectsACorrectionWithoutAReason() {
        fixture.given(scheduled(), clockedIn(START.plusSeconds(600), 10))
                .when(new CorrectClockTimeCommand(SHIFT, ClockPunch.IN, START, " ", SUPERVISOR, END))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void rejectsCorrectingAClockInThatNeverHappened() {
        fixture.given(scheduled())
                .when(new CorrectClockTimeCommand(SHIFT, ClockPunch.IN, START, "r", SUPERVISOR, END))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_CLOCKED_IN));
    }

    @Test
    void rejectsCorrectingAClockOutThatNeverHappened() {
        fixture.given(scheduled(), clockedIn(START, 0))
                .when(new CorrectClockTimeCommand(SHIFT, ClockPunch.OUT, END, "r", SUPERVISOR, END))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_CLOCKED_OUT));
    }

    @Test
    void rejectsACorrectionToTheSameTime() {
        fixture.given(scheduled(), clockedIn(START, 0))
                .when(new CorrectClockTimeCommand(SHIFT, ClockPunch.IN, START, "r", SUPERVISOR, END))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CORRECTION_UNCHANGED));
    }

    @Test
    void rejectsACorrectedClockInAfterTheClockOut() {
        fixture.given(closedShift())
                .when(new CorrectClockTimeCommand(SHIFT, ClockPunch.IN, END.minusSeconds(0), "r", SUPERVISOR,
                        END.plusSeconds(60)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CLOCK_IN_AFTER_SHIFT_END));
        fixture.given(scheduled(), clockedIn(START, 0), ticked("air-conditioning-off"),
                        ticked("all-children-collected"), clockedOut(START.plusSeconds(3600)))
                .when(new CorrectClockTimeCommand(SHIFT, ClockPunch.IN, START.plusSeconds(3600), "r", SUPERVISOR,
                        END))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CLOCK_OUT_BEFORE_CLOCK_IN));
    }

    @Test
    void rejectsACorrectedClockOutBeforeTheClockIn() {
        fixture.given(closedShift())
                .when(new CorrectClockTimeCommand(SHIFT, ClockPunch.OUT, START, "r", SUPERVISOR, END))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CLOCK_OUT_BEFORE_CLOCK_IN));
    }

    @Test
    void rejectsACorrectedTimeInTheFuture() {
        fixture.given(closedShift())
                .when(new CorrectClockTimeCommand(SHIFT, ClockPunch.OUT, END.plusSeconds(600), "r", SUPERVISOR,
                        END.plusSeconds(60)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CLOCK_TIME_IN_FUTURE));
    }

    @Test
    void rejectsACorrectedClockInOutsideTheClockInWindow() {
        fixture.given(scheduled(), clockedIn(START, 0))
                .when(new CorrectClockTimeCommand(SHIFT, ClockPunch.IN, START.minusSeconds(3 * 3600), "r",
                        SUPERVISOR, END))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CLOCK_IN_TOO_EARLY));
    }

    // ---------------------------------------------------------------- head-counts and hand-over

    @Test
    void recordsTheTeachersHeadCountDuringTheShift() {
        HeadCountId count = HeadCountId.random();
        Instant classStart = START.plusSeconds(5 * 3600);
        Instant at = classStart.plusSeconds(600);
        fixture.given(scheduled(), clockedIn(START, 0))
                .when(new RecordHeadCountCommand(SHIFT, count, "phonics-1", "Phonics 1", classStart, "201", 9,
                        "Teacher Li", STAFF, false, at))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HeadCountRecordedEvent(SHIFT, count, "phonics-1", "Phonics 1", classStart, "201", 9,
                        "Teacher Li", STAFF, at));
    }

    @Test
    void rejectsAHeadCountOutsideTheShift() {
        fixture.given(scheduled())
                .when(headCount(9))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_CLOCKED_IN));
        fixture.given(closedShift())
                .when(headCount(9))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.ALREADY_CLOCKED_OUT));
    }

    @Test
    void rejectsANegativeHeadCount() {
        fixture.given(scheduled(), clockedIn(START, 0))
                .when(headCount(-1))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void rejectsAHeadCountOnSomeoneElsesShift() {
        fixture.given(scheduled(), clockedIn(START, 0))
                .when(new RecordHeadCountCommand(SHIFT, HeadCountId.random(), "c", "C", START, "1", 3, null,
                        COLLEAGUE, false, START))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_YOUR_SHIFT));
    }

    @Test
    void leavesAHandOverNoteEvenAfterClockingOut() {
        Instant at = END.plusSeconds(120);
        fixture.given(closedShift())
                .when(new WriteHandOverNoteCommand(SHIFT, "Room 201 projector is broken", STAFF, false, at))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HandOverNoteWrittenEvent(SHIFT, "Room 201 projector is broken", STAFF, at));
    }

    @Test
    void rejectsAHandOverNoteBeforeClockingIn() {
        fixture.given(scheduled())
                .when(new WriteHandOverNoteCommand(SHIFT, "note", STAFF, false, BEFORE))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_CLOCKED_IN));
    }

    @Test
    void rejectsAnEmptyHandOverNote() {
        fixture.given(scheduled(), clockedIn(START, 0))
                .when(new WriteHandOverNoteCommand(SHIFT, "  ", STAFF, false, START))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void rejectsAHandOverNoteOnSomeoneElsesShift() {
        fixture.given(scheduled(), clockedIn(START, 0))
                .when(new WriteHandOverNoteCommand(SHIFT, "note", COLLEAGUE, false, START))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_YOUR_SHIFT));
    }

    // ---------------------------------------------------------------- helpers

    private static ScheduleShiftCommand schedule(Instant start, Instant end) {
        return new ScheduleShiftCommand(SHIFT, CENTRE, STAFF, DAY, LATE_POST, "Weekday late post", CHECKLIST, start,
                end, SUPERVISOR, BEFORE);
    }

    private static ShiftScheduledEvent scheduled() {
        return new ShiftScheduledEvent(SHIFT, CENTRE, STAFF, DAY, LATE_POST, "Weekday late post", CHECKLIST, START,
                END, SUPERVISOR, BEFORE);
    }

    private static ShiftCancelledEvent cancelled() {
        return new ShiftCancelledEvent(SHIFT, STAFF, null, SUPERVISOR, BEFORE);
    }

    private static ShiftClockedInEvent clockedIn(Instant time, int minutesLate) {
        return new ShiftClockedInEvent(SHIFT, STAFF, time, minutesLate, STAFF, time);
    }

    private static ShiftClockedOutEvent clockedOut(Instant time) {
        return new ShiftClockedOutEvent(SHIFT, STAFF, time, STAFF, time);
    }

    private static ChecklistItemTickedEvent ticked(String item) {
        return new ChecklistItemTickedEvent(SHIFT, item, STAFF, START.plusSeconds(60));
    }

    private static Object[] closedShiftEvents() {
        return new Object[] {scheduled(), clockedIn(START, 0), ticked("air-conditioning-off"),
            ticked("all-children-collected"), clockedOut(END)};
    }

    private static List<Object> closedShift() {
        return List.of(closedShiftEvents());
    }

    private static RecordHeadCountCommand headCount(int count) {
        return new RecordHeadCountCommand(SHIFT, HeadCountId.random(), "phonics-1", "Phonics 1",
                START.plusSeconds(3600), "201", count, null, STAFF, false, END.plusSeconds(60));
    }

}
