package com.deskledger.command.timetable;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.SessionId;
import com.deskledger.kernel.timetable.SessionKind;
import com.deskledger.kernel.timetable.TemplateId;
import com.deskledger.kernel.timetable.session.command.CancelSessionCommand;
import com.deskledger.kernel.timetable.session.command.MoveSessionCommand;
import com.deskledger.kernel.timetable.session.command.ScheduleSessionCommand;
import com.deskledger.kernel.timetable.session.command.SubstituteTeacherCommand;
import com.deskledger.kernel.timetable.session.event.SessionCancelledEvent;
import com.deskledger.kernel.timetable.session.event.SessionMovedEvent;
import com.deskledger.kernel.timetable.session.event.SessionScheduledEvent;
import com.deskledger.kernel.timetable.session.event.TeacherSubstitutedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.deskledger.command.DomainExceptionMatchers.hasCode;

class ClassSessionTest {

    static final SessionId SESSION = SessionId.random();
    static final CentreId CENTRE = CentreId.of("main");
    static final RoomId ROOM = RoomId.random();
    static final RoomId HALL = RoomId.random();
    static final TemplateId TEMPLATE = TemplateId.random();
    static final StaffId SUPERVISOR = StaffId.of("supervisor");
    /** Tuesday 17:00-17:50 in Asia/Shanghai. */
    static final Instant START = Instant.parse("2026-12-15T09:00:00Z");
    static final Instant END = Instant.parse("2026-12-15T09:50:00Z");
    static final Instant BEFORE = Instant.parse("2026-12-14T02:00:00Z");

    private FixtureConfiguration<ClassSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClassSession.class);
    }

    static ScheduleSessionCommand schedule(Instant start, Instant end, int places, int capacity, int credits) {
        return new ScheduleSessionCommand(SESSION, CENTRE, SessionKind.CLASS, TEMPLATE, "Phonics A", ROOM, "Room 2",
                capacity, "Li", start, end, places, credits, SUPERVISOR, BEFORE);
    }

    static SessionScheduledEvent scheduled() {
        return scheduled(3);
    }

    static SessionScheduledEvent scheduled(int places) {
        return new SessionScheduledEvent(SESSION, CENTRE, SessionKind.CLASS, TEMPLATE, "Phonics A", ROOM, "Room 2",
                "Li", START, END, places, 1, SUPERVISOR, BEFORE);
    }

    // ---------------------------------------------------------------- scheduling

    @Test
    void schedulesAClassInARoomForItsTime() {
        fixture.givenNoPriorActivity()
                .when(schedule(START, END, 3, 12, 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(scheduled());
    }

    @Test
    void rejectsASessionThatEndsWhenItStarts() {
        fixture.givenNoPriorActivity()
                .when(schedule(START, START, 3, 12, 1))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.SESSION_TIMES_INVALID));
    }

    @Test
    void rejectsASessionLongerThanTwelveHoursButTakesExactlyTwelve() {
        fixture.givenNoPriorActivity()
                .when(schedule(START, START.plus(Duration.ofHours(12)).plusSeconds(1), 3, 12, 1))
                .expectException(hasCode(ErrorCode.SESSION_TIMES_INVALID));
        new AggregateTestFixture<>(ClassSession.class).givenNoPriorActivity()
                .when(schedule(START, START.plus(Duration.ofHours(12)), 3, 12, 1))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsMorePlacesThanTheRoomHoldsButTakesAFullRoom() {
        fixture.givenNoPriorActivity()
                .when(schedule(START, END, 13, 12, 1))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.ROOM_TOO_SMALL));
        new AggregateTestFixture<>(ClassSession.class).givenNoPriorActivity()
                .when(schedule(START, END, 12, 12, 1))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsASessionWithoutPlaces() {
        fixture.givenNoPriorActivity()
                .when(schedule(START, END, 0, 12, 1))
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void rejectsCreditsOutsideZeroToOne() {
        fixture.givenNoPriorActivity()
                .when(schedule(START, END, 3, 12, 2))
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
        new AggregateTestFixture<>(ClassSession.class).givenNoPriorActivity()
                .when(schedule(START, END, 3, 12, -1))
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
        new AggregateTestFixture<>(ClassSession.class).givenNoPriorActivity()
                .when(schedule(START, END, 3, 12, 0))
                .expectSuccessfulHandlerExecution();
        new AggregateTestFixture<>(ClassSession.class).givenNoPriorActivity()
                .when(schedule(START, END, 3, 12, 1))
                .expectSuccessfulHandlerExecution();
    }

    // ---------------------------------------------------------------- moving

    @Test
    void movesASessionToAnotherRoomAndTime() {
        Instant later = START.plus(Duration.ofDays(1));
        fixture.given(scheduled())
                .when(new MoveSessionCommand(SESSION, HALL, "Hall", 30, later, later.plus(Duration.ofMinutes(50)),
                        SUPERVISOR, BEFORE))
                .expectEvents(new SessionMovedEvent(SESSION, ROOM, START, END, HALL, "Hall", later,
                        later.plus(Duration.ofMinutes(50)), SUPERVISOR, BEFORE));
    }

    @Test
    void rejectsAMoveThatChangesNothing() {
        fixture.given(scheduled())
                .when(new MoveSessionCommand(SESSION, ROOM, "Room 2", 12, START, END, SUPERVISOR, BEFORE))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.SESSION_UNCHANGED));
    }

    @Test
    void movesWithinTheSameRoomWhenOnlyTheEndChanges() {
        fixture.given(scheduled())
                .when(new MoveSessionCommand(SESSION, ROOM, "Room 2", 12, START, END.plusSeconds(600), SUPERVISOR,
                        BEFORE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsAMoveIntoARoomTooSmallForItsPlaces() {
        fixture.given(scheduled(8))
                .when(new MoveSessionCommand(SESSION, HALL, "Small room", 7, START, END, SUPERVISOR, BEFORE))
                .expectException(hasCode(ErrorCode.ROOM_TOO_SMALL));
        new AggregateTestFixture<>(ClassSession.class).given(scheduled(8))
                .when(new MoveSessionCommand(SESSION, HALL, "Small room", 8, START, END, SUPERVISOR, BEFORE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsAMoveOnceTheSessionStarted() {
        fixture.given(scheduled())
                .when(new MoveSessionCommand(SESSION, HALL, "Hall", 30, START.plusSeconds(86400),
                        END.plusSeconds(86400), SUPERVISOR, START))
                .expectException(hasCode(ErrorCode.SESSION_ALREADY_STARTED));
    }

    @Test
    void rejectsAMoveIntoThePast() {
        Instant now = START.minusSeconds(60);
        fixture.given(scheduled())
                .when(new MoveSessionCommand(SESSION, ROOM, "Room 2", 12, now, END, SUPERVISOR, now))
                .expectException(hasCode(ErrorCode.SESSION_TIMES_INVALID));
    }

    @Test
    void rejectsAMoveToTimesThatEndBeforeTheyStart() {
        fixture.given(scheduled())
                .when(new MoveSessionCommand(SESSION, ROOM, "Room 2", 12, END, START, SUPERVISOR, BEFORE))
                .expectException(hasCode(ErrorCode.SESSION_TIMES_INVALID));
    }

    @Test
    void rejectsMovingACancelledSession() {
        fixture.given(scheduled(), new SessionCancelledEvent(SESSION, null, SUPERVISOR, BEFORE))
                .when(new MoveSessionCommand(SESSION, HALL, "Hall", 30, START, END, SUPERVISOR, BEFORE))
                .expectException(hasCode(ErrorCode.SESSION_CANCELLED));
    }

    // ---------------------------------------------------------------- teacher

    @Test
    void givesTheSessionASubstituteTeacherUntilItEnds() {
        fixture.given(scheduled())
                .when(new SubstituteTeacherCommand(SESSION, "Wang", SUPERVISOR, END.minusSeconds(1)))
                .expectEvents(new TeacherSubstitutedEvent(SESSION, "Li", "Wang", SUPERVISOR, END.minusSeconds(1)));
    }

    @Test
    void rejectsASubstituteAfterTheEnd() {
        fixture.given(scheduled())
                .when(new SubstituteTeacherCommand(SESSION, "Wang", SUPERVISOR, END))
                .expectException(hasCode(ErrorCode.SESSION_ALREADY_ENDED));
    }

    @Test
    void rejectsTheSameTeacherAsSubstitute() {
        fixture.given(scheduled())
                .when(new SubstituteTeacherCommand(SESSION, "Li", SUPERVISOR, BEFORE))
                .expectException(hasCode(ErrorCode.SESSION_UNCHANGED));
    }

    @Test
    void rejectsASubstituteForACancelledSession() {
        fixture.given(scheduled(), new SessionCancelledEvent(SESSION, null, SUPERVISOR, BEFORE))
                .when(new SubstituteTeacherCommand(SESSION, "Wang", SUPERVISOR, BEFORE))
                .expectException(hasCode(ErrorCode.SESSION_CANCELLED));
    }

    @Test
    void theSubstituteIsTheTeacherFromThenOn() {
        fixture.given(scheduled(), new TeacherSubstitutedEvent(SESSION, "Li", "Wang", SUPERVISOR, BEFORE))
                .when(new SubstituteTeacherCommand(SESSION, "Wang", SUPERVISOR, BEFORE))
                .expectException(hasCode(ErrorCode.SESSION_UNCHANGED));
    }

    // ---------------------------------------------------------------- cancelling

    @Test
    void cancelsASessionBeforeItStarts() {
        fixture.given(scheduled())
                .when(new CancelSessionCommand(SESSION, "teacher ill", SUPERVISOR, START.minusSeconds(1)))
                .expectEvents(new SessionCancelledEvent(SESSION, "teacher ill", SUPERVISOR, START.minusSeconds(1)));
    }

    @Test
    void rejectsCancellingAtTheStart() {
        fixture.given(scheduled())
                .when(new CancelSessionCommand(SESSION, null, SUPERVISOR, START))
                .expectException(hasCode(ErrorCode.SESSION_ALREADY_STARTED));
    }

    @Test
    void rejectsCancellingTwice() {
        fixture.given(scheduled(), new SessionCancelledEvent(SESSION, null, SUPERVISOR, BEFORE))
                .when(new CancelSessionCommand(SESSION, null, SUPERVISOR, BEFORE))
                .expectException(hasCode(ErrorCode.SESSION_CANCELLED));
    }

    @Test
    void aMovedSessionStartsAtItsNewTime() {
        Instant later = START.plus(Duration.ofDays(1));
        fixture.given(scheduled(), new SessionMovedEvent(SESSION, ROOM, START, END, ROOM, "Room 2", later,
                        later.plusSeconds(3000), SUPERVISOR, BEFORE))
                .when(new CancelSessionCommand(SESSION, null, SUPERVISOR, START.plusSeconds(60)))
                .expectSuccessfulHandlerExecution();
    }

}
