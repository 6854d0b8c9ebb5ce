package com.deskledger.command.timetable;

import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionKind;
import com.deskledger.kernel.timetable.session.command.BookSessionCommand;
import com.deskledger.kernel.timetable.session.command.CancelBookingCommand;
import com.deskledger.kernel.timetable.session.command.CancelSessionCommand;
import com.deskledger.kernel.timetable.session.command.CheckInToSessionCommand;
import com.deskledger.kernel.timetable.session.command.MoveSessionCommand;
import com.deskledger.kernel.timetable.session.command.RecordSessionHeadCountCommand;
import com.deskledger.kernel.timetable.session.command.RecordSessionLeaveCommand;
import com.deskledger.kernel.timetable.session.event.BookingCancelledEvent;
import com.deskledger.kernel.timetable.session.event.MemberWaitlistedEvent;
import com.deskledger.kernel.timetable.session.event.SessionBookedEvent;
import com.deskledger.kernel.timetable.session.event.SessionCancelledEvent;
import com.deskledger.kernel.timetable.session.event.SessionCheckInRecordedEvent;
import com.deskledger.kernel.timetable.session.event.SessionHeadCountRecordedEvent;
import com.deskledger.kernel.timetable.session.event.SessionLeaveRecordedEvent;
import com.deskledger.kernel.timetable.session.event.SessionMovedEvent;
import com.deskledger.kernel.timetable.session.event.SessionNoShowRecordedEvent;
import com.deskledger.kernel.timetable.session.event.SessionScheduledEvent;
import com.deskledger.kernel.timetable.session.event.WaitlistPromotedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.deskledger.command.DomainExceptionMatchers.hasCode;
import static com.deskledger.command.timetable.ClassSessionTest.BEFORE;
import static com.deskledger.command.timetable.ClassSessionTest.CENTRE;
import static com.deskledger.command.timetable.ClassSessionTest.END;
import static com.deskledger.command.timetable.ClassSessionTest.ROOM;
import static com.deskledger.command.timetable.ClassSessionTest.SESSION;
import static com.deskledger.command.timetable.ClassSessionTest.START;
import static com.deskledger.command.timetable.ClassSessionTest.scheduled;

/** Bookings, the waitlist and its promotion, check-in, leave, head-count and the no-show deadline of a session. */
class ClassSessionBookingTest {

    private static final StaffId DESK = StaffId.of("reception");
    private static final MemberId A = MemberId.random();
    private static final MemberId B = MemberId.random();
    private static final MemberId C = MemberId.random();
    private static final MemberId D = MemberId.random();

    private FixtureConfiguration<ClassSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClassSession.class);
    }

    private static SessionBookedEvent booked(MemberId member) {
        return new SessionBookedEvent(SESSION, member, START, 1, DESK, BEFORE);
    }

    private static MemberWaitlistedEvent waiting(MemberId member, int position) {
        return new MemberWaitlistedEvent(SESSION, member, position, DESK, BEFORE);
    }

    /** A 3-place class with A, B and C booked. */
    private static Object[] full() {
        return new Object[] {scheduled(3), booked(A), booked(B), booked(C)};
    }

    @Test
    void schedulingSetsTheNoShowDeadlineAtTheEnd() {
        fixture.givenNoPriorActivity()
                .when(ClassSessionTest.schedule(START, END, 3, 12, 1))
                .expectScheduledDeadlineWithName(END, ClassSession.SETTLEMENT_DEADLINE);
    }

    @Test
    void booksAMemberWhilePlacesAreLeft() {
        fixture.given(scheduled(3), booked(A), booked(B))
                .when(new BookSessionCommand(SESSION, C, DESK, BEFORE))
                .expectResultMessagePayload("BOOKED")
                .expectEvents(booked(C));
    }

    @Test
    void aFullClassPutsTheFourthMemberOnTheWaitlist() {
        fixture.given(full())
                .when(new BookSessionCommand(SESSION, D, DESK, BEFORE))
                .expectResultMessagePayload("WAITLISTED")
                .expectEvents(waiting(D, 1));
    }

    @Test
    void rejectsBookingTwice() {
        fixture.given(full())
                .when(new BookSessionCommand(SESSION, A, DESK, BEFORE))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.ALREADY_BOOKED));
        new AggregateTestFixture<>(ClassSession.class).given(scheduled(1), booked(A), waiting(D, 1))
                .when(new BookSessionCommand(SESSION, D, DESK, BEFORE))
                .expectException(hasCode(ErrorCode.ALREADY_BOOKED));
    }

    @Test
    void rejectsBookingACancelledOrStartedSessionOrAParty() {
        fixture.given(scheduled(), new SessionCancelledEvent(SESSION, null, DESK, BEFORE))
                .when(new BookSessionCommand(SESSION, A, DESK, BEFORE))
                .expectException(hasCode(ErrorCode.SESSION_CANCELLED));
        new AggregateTestFixture<>(ClassSession.class).given(scheduled())
                .when(new BookSessionCommand(SESSION, A, DESK, START))
                .expectException(hasCode(ErrorCode.SESSION_ALREADY_STARTED));
        new AggregateTestFixture<>(ClassSession.class)
                .given(new SessionScheduledEvent(SESSION, CENTRE, SessionKind.PARTY, null, "Party", ROOM, "Room 2",
                        null, START, END, 10, 0, DESK, BEFORE))
                .when(new BookSessionCommand(SESSION, A, DESK, BEFORE))
                .expectException(hasCode(ErrorCode.NOT_A_CLASS));
    }

    @Test
    void aLeaveInTimePromotesTheFirstMemberWaiting() {
        fixture.given(append(full(), waiting(D, 1), waiting(MemberId.of(C2), 2)))
                .when(new RecordSessionLeaveCommand(SESSION, B, DESK, BEFORE))
                .expectEvents(new SessionLeaveRecordedEvent(SESSION, B, START, DESK, BEFORE),
                        new WaitlistPromotedEvent(SESSION, D, START, 1, DESK, BEFORE));
    }

    @Test
    void aLeaveWithNobodyWaitingPromotesNobody() {
        fixture.given(full())
                .when(new RecordSessionLeaveCommand(SESSION, B, DESK, BEFORE))
                .expectEvents(new SessionLeaveRecordedEvent(SESSION, B, START, DESK, BEFORE));
    }

    @Test
    void rejectsALeaveAtTheStartOrForSomeoneNotBookedOrTwice() {
        fixture.given(full())
                .when(new RecordSessionLeaveCommand(SESSION, B, DESK, START))
                .expectException(hasCode(ErrorCode.LEAVE_AFTER_START));
        new AggregateTestFixture<>(ClassSession.class).given(full())
                .when(new RecordSessionLeaveCommand(SESSION, D, DESK, BEFORE))
                .expectException(hasCode(ErrorCode.NOT_BOOKED));
        new AggregateTestFixture<>(ClassSession.class)
                .given(append(full(), new SessionLeaveRecordedEvent(SESSION, B, START, DESK, BEFORE)))
                .when(new RecordSessionLeaveCommand(SESSION, B, DESK, BEFORE))
                .expectException(hasCode(ErrorCode.SESSION_ALREADY_RECORDED));
    }

    @Test
    void aCancelledBookingPromotesTheFirstWaitingAndAWaitingMemberJustLeavesTheList() {
        fixture.given(append(full(), waiting(D, 1)))
                .when(new CancelBookingCommand(SESSION, A, "CANCELLED", DESK, BEFORE))
                .expectEvents(new BookingCancelledEvent(SESSION, A, false, "CANCELLED", DESK, BEFORE),
                        new WaitlistPromotedEvent(SESSION, D, START, 1, DESK, BEFORE));
        new AggregateTestFixture<>(ClassSession.class).given(append(full(), waiting(D, 1)))
                .when(new CancelBookingCommand(SESSION, D, null, DESK, BEFORE))
                .expectEvents(new BookingCancelledEvent(SESSION, D, true, "CANCELLED", DESK, BEFORE));
    }

    @Test
    void aPromotedMemberHasAPlaceAndTheNextWaitsFirst() {
        fixture.given(append(full(), waiting(D, 1), waiting(MemberId.of(C2), 2),
                        new BookingCancelledEvent(SESSION, A, false, "CANCELLED", DESK, BEFORE),
                        new WaitlistPromotedEvent(SESSION, D, START, 1, DESK, BEFORE)))
                .when(new CancelBookingCommand(SESSION, D, "NO_CREDITS", DESK, BEFORE))
                .expectEvents(new BookingCancelledEvent(SESSION, D, false, "NO_CREDITS", DESK, BEFORE),
                        new WaitlistPromotedEvent(SESSION, MemberId.of(C2), START, 1, DESK, BEFORE));
    }

    @Test
    void rejectsCancellingWhatIsNotBookedOrAfterTheStart() {
        fixture.given(full())
                .when(new CancelBookingCommand(SESSION, D, null, DESK, BEFORE))
                .expectException(hasCode(ErrorCode.NOT_BOOKED));
        new AggregateTestFixture<>(ClassSession.class).given(full())
                .when(new CancelBookingCommand(SESSION, A, null, DESK, START))
                .expectException(hasCode(ErrorCode.SESSION_ALREADY_STARTED));
    }

    @Test
    void cancellingTheSessionCancelsEveryBookingAndPlaceOnTheWaitlist() {
        fixture.given(append(full(), waiting(D, 1)))
                .when(new CancelSessionCommand(SESSION, null, DESK, BEFORE))
                .expectEvents(new SessionCancelledEvent(SESSION, null, DESK, BEFORE),
                        new BookingCancelledEvent(SESSION, A, false, "SESSION_CANCELLED", DESK, BEFORE),
                        new BookingCancelledEvent(SESSION, B, false, "SESSION_CANCELLED", DESK, BEFORE),
                        new BookingCancelledEvent(SESSION, C, false, "SESSION_CANCELLED", DESK, BEFORE),
                        new BookingCancelledEvent(SESSION, D, true, "SESSION_CANCELLED", DESK, BEFORE))
                .expectNoScheduledDeadlines();
    }

    @Test
    void movingTheSessionMovesItsNoShowDeadline() {
        Instant later = START.plus(Duration.ofDays(1));
        fixture.given(scheduled())
                .when(new MoveSessionCommand(SESSION, ROOM, "Room 2", 12, later, later.plusSeconds(3000), DESK,
                        BEFORE))
                .expectEvents(new SessionMovedEvent(SESSION, ROOM, START, END, ROOM, "Room 2", later,
                        later.plusSeconds(3000), DESK, BEFORE))
                .expectScheduledDeadlineWithName(later.plusSeconds(3000), ClassSession.SETTLEMENT_DEADLINE);
    }

    @Test
    void checksInABookedMember() {
        fixture.given(full())
                .when(new CheckInToSessionCommand(SESSION, A, DESK, START))
                .expectEvents(new SessionCheckInRecordedEvent(SESSION, A, false, START, 1, DESK, START));
    }

    @Test
    void takesAWalkInWhilePlacesAreLeftAndRefusesOneInAFullClass() {
        fixture.given(scheduled(3), booked(A), booked(B))
                .when(new CheckInToSessionCommand(SESSION, D, DESK, START))
                .expectEvents(new SessionCheckInRecordedEvent(SESSION, D, true, START, 1, DESK, START));
        new AggregateTestFixture<>(ClassSession.class).given(full())
                .when(new CheckInToSessionCommand(SESSION, D, DESK, START))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.SESSION_FULL));
    }

    @Test
    void aMemberWaitingWhoWalksInWhileAPlaceIsLeftLeavesTheWaitlist() {
        fixture.given(scheduled(3), booked(A), booked(B), waiting(D, 1))
                .when(new CheckInToSessionCommand(SESSION, D, DESK, START))
                .expectEvents(new BookingCancelledEvent(SESSION, D, true, "WALKED_IN", DESK, START),
                        new SessionCheckInRecordedEvent(SESSION, D, true, START, 1, DESK, START));
    }

    @Test
    void rejectsACheckInTwiceAfterLeaveTooEarlyTooLateOrCancelled() {
        SessionCheckInRecordedEvent present = new SessionCheckInRecordedEvent(SESSION, A, false, START, 1, DESK,
                START);
        fixture.given(append(full(), present))
                .when(new CheckInToSessionCommand(SESSION, A, DESK, START))
                .expectException(hasCode(ErrorCode.ALREADY_CHECKED_IN));
        new AggregateTestFixture<>(ClassSession.class)
                .given(append(full(), new SessionLeaveRecordedEvent(SESSION, A, START, DESK, BEFORE)))
                .when(new CheckInToSessionCommand(SESSION, A, DESK, START))
                .expectException(hasCode(ErrorCode.SESSION_ALREADY_RECORDED));
        new AggregateTestFixture<>(ClassSession.class).given(full())
                .when(new CheckInToSessionCommand(SESSION, A, DESK, START.minus(Duration.ofHours(2)).minusSeconds(1)))
                .expectException(hasCode(ErrorCode.SESSION_NOT_STARTED));
        new AggregateTestFixture<>(ClassSession.class).given(full())
                .when(new CheckInToSessionCommand(SESSION, A, DESK, START.minus(Duration.ofHours(2))))
                .expectSuccessfulHandlerExecution();
        new AggregateTestFixture<>(ClassSession.class).given(full())
                .when(new CheckInToSessionCommand(SESSION, A, DESK, END.plus(Duration.ofHours(12))))
                .expectException(hasCode(ErrorCode.SESSION_ALREADY_ENDED));
        new AggregateTestFixture<>(ClassSession.class)
                .given(scheduled(), new SessionCancelledEvent(SESSION, null, DESK, BEFORE))
                .when(new CheckInToSessionCommand(SESSION, A, DESK, START))
                .expectException(hasCode(ErrorCode.SESSION_CANCELLED));
    }

    @Test
    void afterTheEndTheDeadlineRecordsEveryBookedMemberWhoNeitherCameNorTookLeaveAsANoShow() {
        fixture.givenCommands(ClassSessionTest.schedule(FAR_START, FAR_END, 3, 12, 1))
                .andGiven(booked(A), booked(B), booked(C),
                        new SessionCheckInRecordedEvent(SESSION, A, false, FAR_START, 1, DESK, FAR_START),
                        new SessionLeaveRecordedEvent(SESSION, B, FAR_START, DESK, BEFORE))
                .whenThenTimeAdvancesTo(FAR_END)
                .expectDeadlinesMet(new ClassSession.SettlementDue(FAR_END))
                .expectEvents(new SessionNoShowRecordedEvent(SESSION, C, FAR_START, FAR_END));
    }

    @Test
    void aMovedSessionsOldDeadlineIsGoneAndItsNewOneRecordsTheNoShows() {
        Instant later = FAR_START.plus(Duration.ofDays(1));
        fixture.givenCommands(ClassSessionTest.schedule(FAR_START, FAR_END, 3, 12, 1))
                .andGiven(booked(A))
                .andGivenCommands(new MoveSessionCommand(SESSION, ROOM, "Room 2", 12, later, later.plusSeconds(3000),
                        DESK, BEFORE))
                .whenThenTimeAdvancesTo(FAR_END.plusSeconds(60))
                .expectNoEvents();
        new AggregateTestFixture<>(ClassSession.class)
                .givenCommands(ClassSessionTest.schedule(FAR_START, FAR_END, 3, 12, 1))
                .andGiven(booked(A))
                .andGivenCommands(new MoveSessionCommand(SESSION, ROOM, "Room 2", 12, later, later.plusSeconds(3000),
                        DESK, BEFORE))
                .whenThenTimeAdvancesTo(later.plusSeconds(3000))
                .expectEvents(new SessionNoShowRecordedEvent(SESSION, A, later, later.plusSeconds(3000)));
    }

    @Test
    void aCancelledSessionRecordsNoNoShows() {
        fixture.givenCommands(ClassSessionTest.schedule(FAR_START, FAR_END, 3, 12, 1))
                .andGiven(booked(A), new SessionCancelledEvent(SESSION, null, DESK, BEFORE))
                .whenThenTimeAdvancesTo(FAR_END)
                .expectNoEvents();
    }

    @Test
    void theHeadCountIsReconciledAgainstTheRoster() {
        fixture.given(append(full(), waiting(D, 1),
                        new SessionCheckInRecordedEvent(SESSION, A, false, START, 1, DESK, START),
                        new SessionCheckInRecordedEvent(SESSION, B, false, START, 1, DESK, START)))
                .when(new RecordSessionHeadCountCommand(SESSION, 3, "Li", DESK, START.plusSeconds(600)))
                .expectEvents(new SessionHeadCountRecordedEvent(SESSION, 3, "Li", 3, 2, 0, 1, 0, true, DESK,
                        START.plusSeconds(600)));
        new AggregateTestFixture<>(ClassSession.class)
                .given(append(full(), new SessionCheckInRecordedEvent(SESSION, A, false, START, 1, DESK, START)))
                .when(new RecordSessionHeadCountCommand(SESSION, 1, "Li", DESK, START))
                .expectEvents(new SessionHeadCountRecordedEvent(SESSION, 1, "Li", 3, 1, 0, 0, 0, false, DESK,
                        START));
    }

    @Test
    void rejectsAHeadCountBeforeTheStartOrOutOfRange() {
        fixture.given(full())
                .when(new RecordSessionHeadCountCommand(SESSION, 3, "Li", DESK, BEFORE))
                .expectException(hasCode(ErrorCode.SESSION_NOT_STARTED));
        new AggregateTestFixture<>(ClassSession.class).given(full())
                .when(new RecordSessionHeadCountCommand(SESSION, -1, "Li", DESK, START))
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }

    /** A session far enough ahead for the fixture's clock, which starts at the real time. */
    private static final Instant FAR_START = Instant.parse("2099-03-10T09:00:00Z");
    private static final Instant FAR_END = Instant.parse("2099-03-10T09:50:00Z");
    private static final String C2 = "00000000-0000-4000-8000-0000000000f2";

    private static Object[] append(Object[] given, Object... more) {
        Object[] all = new Object[given.length + more.length];
        System.arraycopy(given, 0, all, 0, given.length);
        System.arraycopy(more, 0, all, given.length, more.length);
        return all;
    }
}
