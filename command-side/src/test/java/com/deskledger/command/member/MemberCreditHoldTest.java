package com.deskledger.command.member;

import com.deskledger.command.FakeVault;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.MemberKind;
import com.deskledger.kernel.member.PackageKind;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.command.CheckInCommand;
import com.deskledger.kernel.member.command.HoldCreditCommand;
import com.deskledger.kernel.member.command.ReleaseCreditCommand;
import com.deskledger.kernel.member.event.ClassCheckedInEvent;
import com.deskledger.kernel.member.event.CreditHeldEvent;
import com.deskledger.kernel.member.event.CreditHoldRefusedEvent;
import com.deskledger.kernel.member.event.CreditReleasedEvent;
import com.deskledger.kernel.member.event.MemberEnrolledEvent;
import com.deskledger.kernel.member.event.MemberFrozenEvent;
import com.deskledger.kernel.member.event.PackagePurchasedEvent;
import com.deskledger.kernel.timetable.SessionId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.deskledger.command.DomainExceptionMatchers.hasCode;

/** The member's side of bookings on the timetable: credits held, released, and consumed by a check-in. */
class MemberCreditHoldTest {

    private static final MemberId MEMBER = MemberId.of("3f7c2a10-0000-4000-8000-000000000002");
    private static final CentreId CENTRE = CentreId.of("main");
    private static final StaffId DESK = StaffId.of("reception");
    private static final Instant ENROLLED = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-03T02:00:00Z");
    private static final Instant START = Instant.parse("2026-03-09T10:00:00Z");
    private static final PurchaseId PACK = PurchaseId.of("00000000-0000-4000-8000-0000000000a1");
    private static final PurchaseId MEMBERSHIP = PurchaseId.of("00000000-0000-4000-8000-0000000000b1");
    private static final SessionId SESSION = SessionId.of("00000000-0000-4000-8000-0000000000e1");
    private static final SessionId OTHER = SessionId.of("00000000-0000-4000-8000-0000000000e2");

    private FixtureConfiguration<MemberAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberAccount.class);
        fixture.registerInjectableResource(new FakeVault());
    }

    @Test
    void holdsACreditOfAPackForABooking() {
        fixture.given(enrolled(), pack(1))
                .when(hold(SESSION, false))
                .expectResultMessagePayload(true)
                .expectEvents(new CreditHeldEvent(MEMBER, SESSION, START, 1, null, DESK, NOW));
    }

    @Test
    void aSecondHoldForTheSameSessionIsTheFirst() {
        fixture.given(enrolled(), pack(1), held(SESSION))
                .when(hold(SESSION, false))
                .expectResultMessagePayload(true)
                .expectNoEvents();
    }

    @Test
    void rejectsABookingBeyondTheCreditsLeft() {
        fixture.given(enrolled(), pack(1), held(SESSION))
                .when(hold(OTHER, false))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.NO_CREDITS_LEFT));
    }

    @Test
    void rejectsABookingWithoutAPackage() {
        fixture.given(enrolled())
                .when(hold(SESSION, false))
                .expectException(hasCode(ErrorCode.NO_ACTIVE_PACKAGE));
    }

    @Test
    void rejectsABookingOfAFrozenMember() {
        fixture.given(enrolled(), pack(3), new MemberFrozenEvent(MEMBER, null, DESK, NOW))
                .when(hold(SESSION, false))
                .expectException(hasCode(ErrorCode.MEMBER_FROZEN));
    }

    @Test
    void aMembershipCoveringTheSessionHoldsNothing() {
        fixture.given(enrolled(), membership(START.minusSeconds(86400), START.plusSeconds(86400)))
                .when(hold(SESSION, false))
                .expectEvents(new CreditHeldEvent(MEMBER, SESSION, START, 0, MEMBERSHIP, DESK, NOW));
    }

    @Test
    void aMembershipEndingBeforeTheSessionDoesNotCoverIt() {
        fixture.given(enrolled(), membership(START.minusSeconds(86400 * 10), START.minusSeconds(1)))
                .when(hold(SESSION, false))
                .expectException(hasCode(ErrorCode.NO_ACTIVE_PACKAGE));
    }

    @Test
    void aQuietHoldTheMemberCannotAffordIsRecordedAsRefused() {
        fixture.given(enrolled(), pack(1), held(SESSION))
                .when(hold(OTHER, true))
                .expectResultMessagePayload(false)
                .expectEvents(new CreditHoldRefusedEvent(MEMBER, OTHER, "NO_CREDITS_LEFT", DESK, NOW));
    }

    @Test
    void releasesAHoldOnceAndNothingElse() {
        fixture.given(enrolled(), pack(1), held(SESSION))
                .when(new ReleaseCreditCommand(MEMBER, SESSION, DESK, NOW))
                .expectEvents(new CreditReleasedEvent(MEMBER, SESSION, 1, DESK, NOW));
        new AggregateTestFixture<>(MemberAccount.class)
                .given(enrolled(), pack(1), held(SESSION), new CreditReleasedEvent(MEMBER, SESSION, 1, DESK, NOW))
                .when(new ReleaseCreditCommand(MEMBER, SESSION, DESK, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReleasedCreditCanBeHeldAgain() {
        fixture.given(enrolled(), pack(1), held(SESSION), new CreditReleasedEvent(MEMBER, SESSION, 1, DESK, NOW))
                .when(hold(OTHER, false))
                .expectEvents(new CreditHeldEvent(MEMBER, OTHER, START, 1, null, DESK, NOW));
    }

    @Test
    void aCheckInToTheHeldSessionUsesItsHeldCredit() {
        ClassSession held = new ClassSession(SESSION.value(), START, "Room 2");
        fixture.given(enrolled(), pack(1), held(SESSION))
                .when(new CheckInCommand(MEMBER, held, DESK, START))
                .expectEvents(new ClassCheckedInEvent(MEMBER, held, PACK, true, 0, DESK, START));
    }

    @Test
    void aCheckInElsewhereMayNotUseACreditHeldForABooking() {
        ClassSession walkIn = new ClassSession(OTHER.value(), START, "Room 2");
        fixture.given(enrolled(), pack(1), held(SESSION))
                .when(new CheckInCommand(MEMBER, walkIn, DESK, START))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NO_CREDITS_LEFT));
    }

    @Test
    void aCheckedInSessionHoldsNothingAnyMore() {
        ClassSession held = new ClassSession(SESSION.value(), START, "Room 2");
        fixture.given(enrolled(), pack(2), held(SESSION), new ClassCheckedInEvent(MEMBER, held, PACK, true, 1, DESK,
                        START))
                .when(hold(OTHER, false))
                .expectEvents(new CreditHeldEvent(MEMBER, OTHER, START, 1, null, DESK, NOW));
    }

    private static HoldCreditCommand hold(SessionId session, boolean quiet) {
        return new HoldCreditCommand(MEMBER, session, START, 1, quiet, DESK, NOW);
    }

    private static CreditHeldEvent held(SessionId session) {
        return new CreditHeldEvent(MEMBER, session, START, 1, null, DESK, NOW);
    }

    private static MemberEnrolledEvent enrolled() {
        return new MemberEnrolledEvent(MEMBER, CENTRE, MemberKind.ADULT, FakeVault.sealed(MEMBER, "Li Lei"), null,
                null, null, FakeVault.sealed(MEMBER, "13812345670"), null, null, "CNY", DESK, ENROLLED);
    }

    private static PackagePurchasedEvent pack(int credits) {
        return new PackagePurchasedEvent(MEMBER, PACK, "classes", PackageKind.CREDIT_PACK, credits, null, null,
                Money.of(100_000, "CNY"), PaymentMethod.CASH, null, false, null, DESK, ENROLLED);
    }

    private static PackagePurchasedEvent membership(Instant from, Instant until) {
        return new PackagePurchasedEvent(MEMBER, MEMBERSHIP, "month", PackageKind.TIME_MEMBERSHIP, null, from, until,
                Money.of(100_000, "CNY"), PaymentMethod.CASH, null, false, null, DESK, ENROLLED);
    }
}
