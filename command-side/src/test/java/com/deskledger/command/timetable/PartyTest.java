package com.deskledger.command.timetable;

import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.timetable.SessionKind;
import com.deskledger.kernel.timetable.session.command.BookPartyCommand;
import com.deskledger.kernel.timetable.session.command.BookSessionCommand;
import com.deskledger.kernel.timetable.session.event.PartyBookedEvent;
import com.deskledger.kernel.timetable.session.event.SessionScheduledEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.deskledger.command.DomainExceptionMatchers.hasCode;
import static com.deskledger.command.timetable.ClassSessionTest.BEFORE;
import static com.deskledger.command.timetable.ClassSessionTest.CENTRE;
import static com.deskledger.command.timetable.ClassSessionTest.END;
import static com.deskledger.command.timetable.ClassSessionTest.ROOM;
import static com.deskledger.command.timetable.ClassSessionTest.SESSION;
import static com.deskledger.command.timetable.ClassSessionTest.START;

/** A birthday party: a room for a time with a package, price, deposit, children and the guardian. */
class PartyTest {

    private static final StaffId DESK = StaffId.of("reception");
    private static final MemberId GUARDIAN = MemberId.random();
    private static final PurchaseId DEPOSIT = PurchaseId.random();
    private static final Money PRICE = Money.of(200_000, "CNY");

    private static BookPartyCommand party(int children, int capacity, Money price, Money deposit, Instant end) {
        return new BookPartyCommand(SESSION, CENTRE, ROOM, "Party room", capacity, "Pirate party", START, end,
                GUARDIAN, children, price, deposit, PaymentMethod.WECHAT_PAY, DEPOSIT, DESK, BEFORE);
    }

    private static SessionScheduledEvent scheduled(int children) {
        return new SessionScheduledEvent(SESSION, CENTRE, SessionKind.PARTY, null, "Pirate party", ROOM, "Party room",
                null, START, END, children, 0, DESK, BEFORE);
    }

    @Test
    void booksTheRoomForThePartyAndRecordsItsTerms() {
        new AggregateTestFixture<>(ClassSession.class).givenNoPriorActivity()
                .when(party(12, 20, PRICE, Money.of(50_000, "CNY"), END))
                .expectEvents(scheduled(12), new PartyBookedEvent(SESSION, GUARDIAN, 12, "Pirate party", PRICE,
                        Money.of(50_000, "CNY"), PaymentMethod.WECHAT_PAY, DEPOSIT, DESK, BEFORE));
    }

    @Test
    void takesADepositOfThePriceOrNothingButNoMore() {
        new AggregateTestFixture<>(ClassSession.class).givenNoPriorActivity()
                .when(party(12, 20, PRICE, PRICE, END)).expectSuccessfulHandlerExecution();
        new AggregateTestFixture<>(ClassSession.class).givenNoPriorActivity()
                .when(party(12, 20, PRICE, Money.of(0, "CNY"), END)).expectSuccessfulHandlerExecution();
        new AggregateTestFixture<>(ClassSession.class).givenNoPriorActivity()
                .when(party(12, 20, PRICE, Money.of(200_001, "CNY"), END))
                .expectNoEvents().expectException(hasCode(ErrorCode.PARTY_DEPOSIT_ABOVE_PRICE));
    }

    @Test
    void rejectsADepositInAnotherCurrency() {
        new AggregateTestFixture<>(ClassSession.class).givenNoPriorActivity()
                .when(party(12, 20, PRICE, Money.of(100, "HKD"), END))
                .expectException(hasCode(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void rejectsMoreChildrenThanTheRoomHoldsOrNone() {
        new AggregateTestFixture<>(ClassSession.class).givenNoPriorActivity()
                .when(party(21, 20, PRICE, PRICE, END)).expectException(hasCode(ErrorCode.ROOM_TOO_SMALL));
        new AggregateTestFixture<>(ClassSession.class).givenNoPriorActivity()
                .when(party(20, 20, PRICE, PRICE, END)).expectSuccessfulHandlerExecution();
        new AggregateTestFixture<>(ClassSession.class).givenNoPriorActivity()
                .when(party(0, 20, PRICE, PRICE, END)).expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void rejectsAPartyThatEndsBeforeItStarts() {
        new AggregateTestFixture<>(ClassSession.class).givenNoPriorActivity()
                .when(party(12, 20, PRICE, PRICE, START)).expectException(hasCode(ErrorCode.SESSION_TIMES_INVALID));
    }

    @Test
    void membersDoNotBookAParty() {
        new AggregateTestFixture<>(ClassSession.class).given(scheduled(12))
                .when(new BookSessionCommand(SESSION, MemberId.random(), DESK, BEFORE))
                .expectException(hasCode(ErrorCode.NOT_A_CLASS));
    }
}
