package com.deskledger.command.visit;

import com.deskledger.command.FakeVault;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.visit.Channel;
import com.deskledger.kernel.visit.MessageId;
import com.deskledger.kernel.visit.Outcome;
import com.deskledger.kernel.visit.Purpose;
import com.deskledger.kernel.visit.VisitId;
import com.deskledger.kernel.visit.command.AssignConsultantCommand;
import com.deskledger.kernel.visit.command.DeliverMessageCommand;
import com.deskledger.kernel.visit.command.EndVisitCommand;
import com.deskledger.kernel.visit.command.LinkMemberCommand;
import com.deskledger.kernel.visit.command.RecordFeedbackCommand;
import com.deskledger.kernel.visit.command.RecordRegistrationCommand;
import com.deskledger.kernel.visit.command.StartVisitCommand;
import com.deskledger.kernel.visit.command.TakeMessageCommand;
import com.deskledger.kernel.visit.command.TransferCallCommand;
import com.deskledger.kernel.visit.event.CallTransferredEvent;
import com.deskledger.kernel.visit.event.ConsultantAssignedEvent;
import com.deskledger.kernel.visit.event.FeedbackRecordedEvent;
import com.deskledger.kernel.visit.event.MemberLinkedEvent;
import com.deskledger.kernel.visit.event.MessageDeliveredEvent;
import com.deskledger.kernel.visit.event.MessageTakenEvent;
import com.deskledger.kernel.visit.event.VisitEndedEvent;
import com.deskledger.kernel.visit.event.VisitStartedEvent;
import com.deskledger.kernel.visit.event.VisitorRegisteredEvent;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

import static com.deskledger.command.DomainExceptionMatchers.hasCode;

class VisitorSessionTest {

    private static final VisitId VISIT = VisitId.random();
    private static final CentreId CENTRE = CentreId.of("main");
    private static final StaffId RECEPTIONIST = StaffId.of("reception");
    private static final StaffId CONSULTANT = StaffId.of("consultant-li");
    private static final StaffId COLLEAGUE = StaffId.of("colleague-wang");
    private static final MemberId MEMBER = MemberId.of("m-1");
    private static final MemberId OTHER_MEMBER = MemberId.of("m-2");

    private static final Instant ARRIVED_AT = Instant.parse("2026-11-25T01:00:00Z");
    private static final Instant BEFORE_ARRIVAL = Instant.parse("2026-11-25T00:59:59Z");
    private static final Instant T_PLUS_5 = Instant.parse("2026-11-25T01:05:00Z");
    private static final Instant T_PLUS_10 = Instant.parse("2026-11-25T01:10:00Z");
    private static final Instant T_PLUS_30 = Instant.parse("2026-11-25T01:30:00Z");
    private static final Instant NEXT_DAY = Instant.parse("2026-11-26T09:00:00Z");

    private FixtureConfiguration<VisitorSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VisitorSession.class);
        fixture.registerInjectableResource(new FakeVault());
    }

    // ---------------------------------------------------------------- starting

    @Test
    void startsACallWithItsRings() {
        fixture.givenNoPriorActivity()
                .when(new StartVisitCommand(VISIT, CENTRE, Channel.CALL_IN, Purpose.BOOKING, RECEPTIONIST, 3,
                        ARRIVED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new VisitStartedEvent(VISIT, CENTRE, Channel.CALL_IN, Purpose.BOOKING, RECEPTIONIST, 3,
                        ARRIVED_AT));
    }

    @Test
    void startsACallAnsweredBeforeItRang() {
        fixture.givenNoPriorActivity()
                .when(new StartVisitCommand(VISIT, CENTRE, Channel.CALL_IN, Purpose.OTHER, RECEPTIONIST, 0,
                        ARRIVED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new VisitStartedEvent(VISIT, CENTRE, Channel.CALL_IN, Purpose.OTHER, RECEPTIONIST, 0,
                        ARRIVED_AT));
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"WALK_IN", "MEMBER", "PARTNER"})
    void startsAVisitThatIsNotACallWithoutRings(Channel channel) {
        fixture.givenNoPriorActivity()
                .when(new StartVisitCommand(VISIT, CENTRE, channel, Purpose.CONSULTATION, RECEPTIONIST, null,
                        ARRIVED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new VisitStartedEvent(VISIT, CENTRE, channel, Purpose.CONSULTATION, RECEPTIONIST, null,
                        ARRIVED_AT));
    }

    @Test
    void rejectsACallWithoutRings() {
        fixture.givenNoPriorActivity()
                .when(new StartVisitCommand(VISIT, CENTRE, Channel.CALL_IN, Purpose.BOOKING, RECEPTIONIST, null,
                        ARRIVED_AT))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.RINGS_REQUIRED_FOR_CALL));
    }

    @Test
    void rejectsRingsOnAWalkIn() {
        fixture.givenNoPriorActivity()
                .when(new StartVisitCommand(VISIT, CENTRE, Channel.WALK_IN, Purpose.CONSULTATION, RECEPTIONIST, 2,
                        ARRIVED_AT))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.RINGS_ONLY_FOR_CALLS));
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"MEMBER", "PARTNER"})
    void rejectsRingsOnMemberAndPartnerVisits(Channel channel) {
        fixture.givenNoPriorActivity()
                .when(new StartVisitCommand(VISIT, CENTRE, channel, Purpose.CONSULTATION, RECEPTIONIST, 0,
                        ARRIVED_AT))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.RINGS_ONLY_FOR_CALLS));
    }

    @Test
    void rejectsNegativeRings() {
        fixture.givenNoPriorActivity()
                .when(new StartVisitCommand(VISIT, CENTRE, Channel.CALL_IN, Purpose.BOOKING, RECEPTIONIST, -1,
                        ARRIVED_AT))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }

    // ---------------------------------------------------------------- registration

    @Test
    void recordsTheRegistration() {
        fixture.given(walkInStarted())
                .when(new RecordRegistrationCommand(VISIT, "Zhang San", "+86 138 0000 0000", "evening classes",
                        "friend", T_PLUS_5))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new VisitorRegisteredEvent(VISIT, FakeVault.sealed(VISIT, "Zhang San"),
                        FakeVault.sealed(VISIT, "+86 138 0000 0000"), FakeVault.sealed(VISIT, "evening classes"),
                        FakeVault.sealed(VISIT, "friend"), T_PLUS_5));
    }

    // ---------------------------------------------------------------- consultant

    @Test
    void assignsAConsultant() {
        fixture.given(walkInStarted())
                .when(new AssignConsultantCommand(VISIT, CONSULTANT, T_PLUS_5))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ConsultantAssignedEvent(VISIT, CONSULTANT, T_PLUS_5));
    }

    @Test
    void assignsAConsultantAtTheMomentOfArrival() {
        fixture.given(walkInStarted())
                .when(new AssignConsultantCommand(VISIT, CONSULTANT, ARRIVED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ConsultantAssignedEvent(VISIT, CONSULTANT, ARRIVED_AT));
    }

    @Test
    void rejectsConsultantAssignmentBeforeArrival() {
        fixture.given(walkInStarted())
                .when(new AssignConsultantCommand(VISIT, CONSULTANT, BEFORE_ARRIVAL))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.TIME_BEFORE_ARRIVAL));
    }

    // ---------------------------------------------------------------- transfer

    @Test
    void transfersACallFromTheReceptionist() {
        fixture.given(callStarted())
                .when(new TransferCallCommand(VISIT, COLLEAGUE, "asked for the head teacher", T_PLUS_5))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CallTransferredEvent(VISIT, RECEPTIONIST, COLLEAGUE,
                        FakeVault.sealed(VISIT, "asked for the head teacher"), T_PLUS_5));
    }

    @Test
    void transfersACallFromWhoeverItWasLastTransferredTo() {
        fixture.given(callStarted(),
                        new CallTransferredEvent(VISIT, RECEPTIONIST, COLLEAGUE,
                                FakeVault.sealed(VISIT, "first hop"), T_PLUS_5))
                .when(new TransferCallCommand(VISIT, CONSULTANT, "second hop", T_PLUS_10))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CallTransferredEvent(VISIT, COLLEAGUE, CONSULTANT,
                        FakeVault.sealed(VISIT, "second hop"), T_PLUS_10));
    }

    @Test
    void transfersACallFromTheAssignedConsultant() {
        fixture.given(callStarted(), new ConsultantAssignedEvent(VISIT, CONSULTANT, T_PLUS_5))
                .when(new TransferCallCommand(VISIT, COLLEAGUE, "needs a colleague", T_PLUS_10))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CallTransferredEvent(VISIT, CONSULTANT, COLLEAGUE,
                        FakeVault.sealed(VISIT, "needs a colleague"), T_PLUS_10));
    }

    @Test
    void transfersACallBackToTheReceptionist() {
        fixture.given(callStarted(),
                        new CallTransferredEvent(VISIT, RECEPTIONIST, COLLEAGUE,
                                FakeVault.sealed(VISIT, "first hop"), T_PLUS_5))
                .when(new TransferCallCommand(VISIT, RECEPTIONIST, "back to the desk", T_PLUS_10))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CallTransferredEvent(VISIT, COLLEAGUE, RECEPTIONIST,
                        FakeVault.sealed(VISIT, "back to the desk"), T_PLUS_10));
    }

    @Test
    void rejectsTransferOfAWalkIn() {
        fixture.given(walkInStarted())
                .when(new TransferCallCommand(VISIT, COLLEAGUE, "not a call", T_PLUS_5))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.NOT_A_CALL));
    }

    @Test
    void rejectsTransferToTheSameStaff() {
        fixture.given(callStarted())
                .when(new TransferCallCommand(VISIT, RECEPTIONIST, "to myself", T_PLUS_5))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.TRANSFER_TO_SAME_STAFF));
    }

    @Test
    void rejectsTransferToTheColleagueWhoAlreadyHasTheCall() {
        fixture.given(callStarted(),
                        new CallTransferredEvent(VISIT, RECEPTIONIST, COLLEAGUE,
                                FakeVault.sealed(VISIT, "first hop"), T_PLUS_5))
                .when(new TransferCallCommand(VISIT, COLLEAGUE, "again", T_PLUS_10))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.TRANSFER_TO_SAME_STAFF));
    }

    @Test
    void rejectsTransferToTheConsultantWhoAlreadyHasTheCall() {
        fixture.given(callStarted(), new ConsultantAssignedEvent(VISIT, CONSULTANT, T_PLUS_5))
                .when(new TransferCallCommand(VISIT, CONSULTANT, "to the consultant", T_PLUS_10))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.TRANSFER_TO_SAME_STAFF));
    }

    // ---------------------------------------------------------------- messages

    @Test
    void takesAMessage() {
        MessageId message = MessageId.random();
        fixture.given(callStarted())
                .when(new TakeMessageCommand(VISIT, message, "Teacher Chen", "021 5555 0101", "please call back",
                        T_PLUS_5))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MessageTakenEvent(VISIT, message, "Teacher Chen",
                        FakeVault.sealed(VISIT, "021 5555 0101"), FakeVault.sealed(VISIT, "please call back"),
                        T_PLUS_5));
    }

    @Test
    void takesASecondMessageWithAnotherId() {
        MessageId first = MessageId.random();
        MessageId second = MessageId.random();
        fixture.given(callStarted(), messageTaken(first))
                .when(new TakeMessageCommand(VISIT, second, "Teacher Liu", null, "second note", T_PLUS_10))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MessageTakenEvent(VISIT, second, "Teacher Liu", null,
                        FakeVault.sealed(VISIT, "second note"), T_PLUS_10));
    }

    @Test
    void rejectsTakingTheSameMessageTwice() {
        MessageId message = MessageId.random();
        fixture.given(callStarted(), messageTaken(message))
                .when(new TakeMessageCommand(VISIT, message, "Teacher Chen", "021 5555 0101", "again", T_PLUS_10))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.MESSAGE_ALREADY_TAKEN));
    }

    @Test
    void rejectsTakingAnAlreadyDeliveredMessageAgain() {
        MessageId message = MessageId.random();
        fixture.given(callStarted(), messageTaken(message),
                        new MessageDeliveredEvent(VISIT, message, COLLEAGUE, T_PLUS_10))
                .when(new TakeMessageCommand(VISIT, message, "Teacher Chen", "021 5555 0101", "again", T_PLUS_30))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.MESSAGE_ALREADY_TAKEN));
    }

    @Test
    void deliversATakenMessage() {
        MessageId message = MessageId.random();
        fixture.given(callStarted(), messageTaken(message))
                .when(new DeliverMessageCommand(VISIT, message, COLLEAGUE, T_PLUS_10))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MessageDeliveredEvent(VISIT, message, COLLEAGUE, T_PLUS_10));
    }

    @Test
    void deliversAMessageOnlyOnce() {
        MessageId message = MessageId.random();
        fixture.given(callStarted(), messageTaken(message),
                        new MessageDeliveredEvent(VISIT, message, COLLEAGUE, T_PLUS_10))
                .when(new DeliverMessageCommand(VISIT, message, COLLEAGUE, T_PLUS_30))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.MESSAGE_ALREADY_DELIVERED));
    }

    @Test
    void deliversAMessageAfterTheVisitEnded() {
        MessageId message = MessageId.random();
        fixture.given(callStarted(), messageTaken(message),
                        new VisitEndedEvent(VISIT, Outcome.FOLLOW_UP_NEEDED, T_PLUS_10))
                .when(new DeliverMessageCommand(VISIT, message, COLLEAGUE, NEXT_DAY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MessageDeliveredEvent(VISIT, message, COLLEAGUE, NEXT_DAY));
    }

    @Test
    void deliversAMessageOnlyOnceEvenAfterTheVisitEnded() {
        MessageId message = MessageId.random();
        fixture.given(callStarted(), messageTaken(message),
                        new VisitEndedEvent(VISIT, Outcome.FOLLOW_UP_NEEDED, T_PLUS_10),
                        new MessageDeliveredEvent(VISIT, message, COLLEAGUE, NEXT_DAY))
                .when(new DeliverMessageCommand(VISIT, message, COLLEAGUE, NEXT_DAY.plusSeconds(60)))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.MESSAGE_ALREADY_DELIVERED));
    }

    @Test
    void deliversOneMessageWhileAnotherIsAlreadyDelivered() {
        MessageId first = MessageId.random();
        MessageId second = MessageId.random();
        fixture.given(callStarted(), messageTaken(first), messageTaken(second),
                        new MessageDeliveredEvent(VISIT, first, COLLEAGUE, T_PLUS_10))
                .when(new DeliverMessageCommand(VISIT, second, CONSULTANT, T_PLUS_30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MessageDeliveredEvent(VISIT, second, CONSULTANT, T_PLUS_30));
    }

    @Test
    void rejectsDeliveryOfAnUnknownMessage() {
        fixture.given(callStarted(), messageTaken(MessageId.random()))
                .when(new DeliverMessageCommand(VISIT, MessageId.random(), COLLEAGUE, T_PLUS_10))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.MESSAGE_NOT_FOUND));
    }

    @Test
    void rejectsDeliveryOfAnUnknownMessageAfterTheVisitEnded() {
        fixture.given(callStarted(), new VisitEndedEvent(VISIT, Outcome.RESOLVED, T_PLUS_10))
                .when(new DeliverMessageCommand(VISIT, MessageId.random(), COLLEAGUE, NEXT_DAY))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.MESSAGE_NOT_FOUND));
    }

    // ---------------------------------------------------------------- member link

    @Test
    void linksAMemberEnrolledFromThisVisit() {
        fixture.given(walkInStarted())
                .when(new LinkMemberCommand(VISIT, MEMBER, true, T_PLUS_10))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MemberLinkedEvent(VISIT, MEMBER, true, T_PLUS_10));
    }

    @Test
    void linksAnExistingMemberWithoutConversion() {
        fixture.given(walkInStarted())
                .when(new LinkMemberCommand(VISIT, MEMBER, false, T_PLUS_10))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MemberLinkedEvent(VISIT, MEMBER, false, T_PLUS_10));
    }

    @Test
    void rejectsASecondMemberLink() {
        fixture.given(walkInStarted(), new MemberLinkedEvent(VISIT, MEMBER, true, T_PLUS_10))
                .when(new LinkMemberCommand(VISIT, OTHER_MEMBER, false, T_PLUS_30))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.MEMBER_ALREADY_LINKED));
    }

    @Test
    void rejectsLinkingTheSameMemberAgain() {
        fixture.given(walkInStarted(), new MemberLinkedEvent(VISIT, MEMBER, false, T_PLUS_10))
                .when(new LinkMemberCommand(VISIT, MEMBER, false, T_PLUS_30))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.MEMBER_ALREADY_LINKED));
    }

    // ---------------------------------------------------------------- feedback

    @Test
    void recordsFeedback() {
        fixture.given(walkInStarted())
                .when(new RecordFeedbackCommand(VISIT, 4, "friendly desk", T_PLUS_30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FeedbackRecordedEvent(VISIT, 4, FakeVault.sealed(VISIT, "friendly desk"), T_PLUS_30));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, VisitorSession.MAX_SCORE})
    void acceptsTheLowestAndHighestScore(int score) {
        fixture.given(walkInStarted())
                .when(new RecordFeedbackCommand(VISIT, score, null, T_PLUS_30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FeedbackRecordedEvent(VISIT, score, null, T_PLUS_30));
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 6, Integer.MAX_VALUE})
    void rejectsScoreOutOfRange(int score) {
        fixture.given(walkInStarted())
                .when(new RecordFeedbackCommand(VISIT, score, "out of range", T_PLUS_30))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.FEEDBACK_SCORE_OUT_OF_RANGE));
    }

    @Test
    void rejectsASecondFeedback() {
        fixture.given(walkInStarted(), new FeedbackRecordedEvent(VISIT, 5, FakeVault.sealed(VISIT, "great"), T_PLUS_10))
                .when(new RecordFeedbackCommand(VISIT, 3, "changed my mind", T_PLUS_30))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.FEEDBACK_ALREADY_RECORDED));
    }

    // ---------------------------------------------------------------- end

    @Test
    void endsTheVisitWithItsOutcome() {
        fixture.given(walkInStarted())
                .when(new EndVisitCommand(VISIT, Outcome.ENROLLED, T_PLUS_30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new VisitEndedEvent(VISIT, Outcome.ENROLLED, T_PLUS_30));
    }

    @Test
    void endsAVisitAtTheMomentOfArrival() {
        fixture.given(callStarted())
                .when(new EndVisitCommand(VISIT, Outcome.NO_INTEREST, ARRIVED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new VisitEndedEvent(VISIT, Outcome.NO_INTEREST, ARRIVED_AT));
    }

    @Test
    void rejectsEndingBeforeArrival() {
        fixture.given(walkInStarted())
                .when(new EndVisitCommand(VISIT, Outcome.RESOLVED, BEFORE_ARRIVAL))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.TIME_BEFORE_ARRIVAL));
    }

    @ParameterizedTest
    @MethodSource("everyCommandButDelivery")
    void rejectsAnythingAfterTheEnd(Object command) {
        fixture.given(callStarted(), new VisitEndedEvent(VISIT, Outcome.RESOLVED, T_PLUS_10))
                .when(command)
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.VISIT_ENDED));
    }

    static Stream<Arguments> everyCommandButDelivery() {
        return Stream.of(
                Arguments.of(named("registration",
                        new RecordRegistrationCommand(VISIT, "Zhang San", "123", "needs", "web", T_PLUS_30))),
                Arguments.of(named("consultant assignment",
                        new AssignConsultantCommand(VISIT, CONSULTANT, T_PLUS_30))),
                Arguments.of(named("call transfer",
                        new TransferCallCommand(VISIT, COLLEAGUE, "too late", T_PLUS_30))),
                Arguments.of(named("message taking",
                        new TakeMessageCommand(VISIT, MessageId.random(), "Teacher Chen", "123", "note", T_PLUS_30))),
                Arguments.of(named("member link",
                        new LinkMemberCommand(VISIT, MEMBER, true, T_PLUS_30))),
                Arguments.of(named("feedback",
                        new RecordFeedbackCommand(VISIT, 5, "late feedback", T_PLUS_30))),
                Arguments.of(named("second end",
                        new EndVisitCommand(VISIT, Outcome.ENROLLED, T_PLUS_30))));
    }

    // ---------------------------------------------------------------- the matcher itself

    @Test
    void errorCodeMatcherFailsTheFixtureOnAnotherCode() {
        assertThatThrownBy(() -> fixture.given(walkInStarted())
                .when(new TransferCallCommand(VISIT, COLLEAGUE, "not a call", T_PLUS_5))
                .expectException(hasCode(ErrorCode.TRANSFER_TO_SAME_STAFF)))
                .isInstanceOf(AxonAssertionError.class);
        assertThat(hasCode(ErrorCode.NOT_A_CALL).matches(new IllegalStateException("not a DomainException")))
                .isFalse();
        assertThat(hasCode(ErrorCode.NOT_A_CALL).matches(new DomainException(ErrorCode.NOT_A_CALL, "x")))
                .isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private static VisitStartedEvent walkInStarted() {
        return new VisitStartedEvent(VISIT, CENTRE, Channel.WALK_IN, Purpose.CONSULTATION, RECEPTIONIST, null,
                ARRIVED_AT);
    }

    private static VisitStartedEvent callStarted() {
        return new VisitStartedEvent(VISIT, CENTRE, Channel.CALL_IN, Purpose.BOOKING, RECEPTIONIST, 2, ARRIVED_AT);
    }

    private static MessageTakenEvent messageTaken(MessageId message) {
        return new MessageTakenEvent(VISIT, message, "Teacher Chen", FakeVault.sealed(VISIT, "021 5555 0101"),
                FakeVault.sealed(VISIT, "please call back"), T_PLUS_5);
    }

}
