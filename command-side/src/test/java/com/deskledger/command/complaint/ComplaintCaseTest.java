package com.deskledger.command.complaint;

import com.deskledger.command.FakeVault;
import com.deskledger.kernel.BusinessHours;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Role;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.Compensation;
import com.deskledger.kernel.complaint.CompensationType;
import com.deskledger.kernel.complaint.ComplaintCategory;
import com.deskledger.kernel.complaint.ComplaintChannel;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.Customer;
import com.deskledger.kernel.complaint.EscalationLevel;
import com.deskledger.kernel.complaint.EscalationReason;
import com.deskledger.kernel.complaint.SealedCustomer;
import com.deskledger.kernel.complaint.Severity;
import com.deskledger.kernel.complaint.SlaClock;
import com.deskledger.kernel.complaint.command.AddInvestigationNoteCommand;
import com.deskledger.kernel.complaint.command.ApproveResolutionCommand;
import com.deskledger.kernel.complaint.command.AssignComplaintCommand;
import com.deskledger.kernel.complaint.command.EscalateComplaintCommand;
import com.deskledger.kernel.complaint.command.FileComplaintCommand;
import com.deskledger.kernel.complaint.command.PauseComplaintCommand;
import com.deskledger.kernel.complaint.command.ProposeResolutionCommand;
import com.deskledger.kernel.complaint.command.RecordCustomerAnswerCommand;
import com.deskledger.kernel.complaint.command.RecordFollowUpCallCommand;
import com.deskledger.kernel.complaint.command.RejectResolutionCommand;
import com.deskledger.kernel.complaint.command.ResumeComplaintCommand;
import com.deskledger.kernel.complaint.command.TriageComplaintCommand;
import com.deskledger.kernel.complaint.command.WithdrawComplaintCommand;
import com.deskledger.kernel.complaint.event.ComplaintAssignedEvent;
import com.deskledger.kernel.complaint.event.ComplaintClosedEvent;
import com.deskledger.kernel.complaint.event.ComplaintEscalatedEvent;
import com.deskledger.kernel.complaint.event.ComplaintFiledEvent;
import com.deskledger.kernel.complaint.event.ComplaintPausedEvent;
import com.deskledger.kernel.complaint.event.ComplaintReopenedEvent;
import com.deskledger.kernel.complaint.event.ComplaintResumedEvent;
import com.deskledger.kernel.complaint.event.ComplaintTriagedEvent;
import com.deskledger.kernel.complaint.event.ComplaintWithdrawnEvent;
import com.deskledger.kernel.complaint.event.FollowUpCallRecordedEvent;
import com.deskledger.kernel.complaint.event.FollowUpCallScheduledEvent;
import com.deskledger.kernel.complaint.event.InvestigationNoteAddedEvent;
import com.deskledger.kernel.complaint.event.ResolutionApprovedEvent;
import com.deskledger.kernel.complaint.event.ResolutionProposedEvent;
import com.deskledger.kernel.complaint.event.ResolutionRejectedEvent;
import com.deskledger.kernel.complaint.event.SlaBreachedEvent;
import com.deskledger.kernel.complaint.event.SlaClockRetargetedEvent;
import com.deskledger.kernel.complaint.event.SlaClockStartedEvent;
import com.deskledger.kernel.complaint.event.SlaClockStoppedEvent;
import com.deskledger.kernel.member.MemberId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Named.named;

import static com.deskledger.command.DomainExceptionMatchers.hasCode;

/**
 * The complaint's rules and its SLA deadlines. The centre is the children's centre of manual 000 in Shanghai:
 * closed on Mondays, open 09:00-21:00 otherwise. 2027-03-02 is a Tuesday; a general complaint gets 4 business
 * hours to the first response and 24 to the resolution, a major one 1 and 8.
 */
class ComplaintCaseTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ComplaintId ID = ComplaintId.of("5b0d5a3e-6c4e-4d2b-9a59-0f6c7e1d2a11");
    private static final CentreId CENTRE = CentreId.of("main");
    private static final StaffId RECEPTION = StaffId.of("reception");
    private static final StaffId SUPERVISOR = StaffId.of("supervisor");
    private static final StaffId MANAGER = StaffId.of("manager");
    private static final StaffId HANDLER = StaffId.of("handler-wang");
    private static final Customer CUSTOMER = new Customer(MemberId.of("m-7"), "Li Na", "13800001111");
    /** As the events hold the customer: sealed with the member's key. */
    private static final SealedCustomer SEALED_CUSTOMER = new SealedCustomer(CUSTOMER.memberId(),
            FakeVault.sealed(CUSTOMER.memberId(), "Li Na"), FakeVault.sealed(CUSTOMER.memberId(), "13800001111"));
    private static final long LIMIT = 50_000;

    private static final Duration GENERAL_FIRST = Duration.ofHours(4);
    private static final Duration GENERAL_RESOLUTION = Duration.ofHours(24);
    private static final Duration MAJOR_FIRST = Duration.ofHours(1);
    private static final Duration MAJOR_RESOLUTION = Duration.ofHours(8);

    private static final Instant FILED = at("2027-03-02T10:00");
    private static final Instant GENERAL_FIRST_DUE = at("2027-03-02T14:00");
    /** 11 hours on Tuesday, 12 on Wednesday, one on Thursday. */
    private static final Instant GENERAL_RESOLUTION_DUE = at("2027-03-04T10:00");
    private static final Instant MAJOR_FIRST_DUE = at("2027-03-02T11:00");
    private static final Instant MAJOR_RESOLUTION_DUE = at("2027-03-02T18:00");

    private FixtureConfiguration<ComplaintCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ComplaintCase.class);
        fixture.registerInjectableResource(new TestPolicy());
        fixture.registerInjectableResource(new FakeVault());
    }

    @Nested
    class Filing {

        @Test
        void startsBothClocksInBusinessHoursForAGeneralComplaint() {
            fixture.givenCurrentTime(FILED)
                    .when(file(Severity.GENERAL, FILED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(filed(Severity.GENERAL), firstStarted(Severity.GENERAL),
                            resolutionStarted(Severity.GENERAL))
                    .expectScheduledDeadline(GENERAL_FIRST_DUE, new SlaDeadline(SlaClock.FIRST_RESPONSE,
                            GENERAL_FIRST_DUE))
                    .expectScheduledDeadline(GENERAL_RESOLUTION_DUE, new SlaDeadline(SlaClock.RESOLUTION,
                            GENERAL_RESOLUTION_DUE));
        }

        @Test
        void makesAMajorComplaintAManagersFromTheStart() {
            fixture.givenCurrentTime(FILED)
                    .when(file(Severity.MAJOR, FILED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(filed(Severity.MAJOR), escalatedAsMajor(), firstStarted(Severity.MAJOR),
                            resolutionStarted(Severity.MAJOR))
                    .expectScheduledDeadlineWithName(MAJOR_FIRST_DUE, ComplaintCase.FIRST_RESPONSE_DEADLINE)
                    .expectScheduledDeadlineWithName(MAJOR_RESOLUTION_DUE, ComplaintCase.RESOLUTION_DEADLINE);
        }

        @Test
        void countsFromTheNextOpeningWhenReceivedOnAClosedDay() {
            Instant mondayNoon = at("2027-03-01T12:00");
            fixture.givenCurrentTime(FILED)
                    .when(file(Severity.GENERAL, mondayNoon))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new ComplaintFiledEvent(ID, CENTRE, ComplaintChannel.PHONE, SEALED_CUSTOMER,
                                    ComplaintCategory.COURSE_PRODUCT, s("the teacher missed two classes"),
                                    Severity.GENERAL, null, RECEPTION, mondayNoon),
                            new SlaClockStartedEvent(ID, SlaClock.FIRST_RESPONSE, GENERAL_FIRST,
                                    at("2027-03-02T13:00"), mondayNoon),
                            new SlaClockStartedEvent(ID, SlaClock.RESOLUTION, GENERAL_RESOLUTION,
                                    at("2027-03-03T21:00"), mondayNoon));
        }

        @Test
        void acceptsAContactWhoIsNotAMemberSealingTheirDataWithTheComplaintsOwnKey() {
            Customer walkIn = new Customer(null, null, "021 5555 0101");
            fixture.givenCurrentTime(FILED)
                    .when(new FileComplaintCommand(ID, CENTRE, ComplaintChannel.WALK_IN, walkIn,
                            ComplaintCategory.FACILITY, "the heating is off", Severity.GENERAL, null, RECEPTION,
                            FILED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ComplaintFiledEvent(ID, CENTRE, ComplaintChannel.WALK_IN,
                                    new SealedCustomer(null, null, FakeVault.sealed(ID, "021 5555 0101")),
                                    ComplaintCategory.FACILITY, FakeVault.sealed(ID, "the heating is off"),
                                    Severity.GENERAL, null, RECEPTION, FILED),
                            new SlaClockStartedEvent(ID, SlaClock.FIRST_RESPONSE, GENERAL_FIRST, GENERAL_FIRST_DUE,
                                    FILED),
                            new SlaClockStartedEvent(ID, SlaClock.RESOLUTION, GENERAL_RESOLUTION,
                                    GENERAL_RESOLUTION_DUE, FILED));
        }

        @Test
        void rejectsACustomerWhoCannotBeReached() {
            fixture.givenNoPriorActivity()
                    .when(new FileComplaintCommand(ID, CENTRE, ComplaintChannel.WALK_IN, new Customer(null, " ", ""),
                            ComplaintCategory.FACILITY, "the heating is off", Severity.GENERAL, null, RECEPTION,
                            FILED))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.CUSTOMER_REQUIRED));
        }

        @Test
        void rejectsAComplaintWithoutADescription() {
            fixture.givenNoPriorActivity()
                    .when(new FileComplaintCommand(ID, CENTRE, ComplaintChannel.WALK_IN, CUSTOMER,
                            ComplaintCategory.FACILITY, "  ", Severity.GENERAL, null, RECEPTION, FILED))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
        }
    }

    @Nested
    class Triage {

        @Test
        void isTheFirstResponse() {
            given(generalFiled())
                    .when(triage(Severity.GENERAL, FILED.plus(Duration.ofHours(1))))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(triaged(Severity.GENERAL, Severity.GENERAL, FILED.plus(Duration.ofHours(1))),
                            new SlaClockStoppedEvent(ID, SlaClock.FIRST_RESPONSE, 3600, false,
                                    FILED.plus(Duration.ofHours(1))));
        }

        @Test
        void countsOnlyTheFirstResponseOnce() {
            Instant later = FILED.plus(Duration.ofHours(2));
            given(generalFiled(), firstResponse(3600))
                    .when(new TriageComplaintCommand(ID, "justified", "front desk", Severity.GENERAL, SUPERVISOR,
                            later))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ComplaintTriagedEvent(ID, "justified", "front desk", Severity.GENERAL,
                            Severity.GENERAL, SUPERVISOR, later));
        }

        @Test
        void rejectsATriageThatChangesNothing() {
            Instant oneHour = FILED.plus(Duration.ofHours(1));
            given(generalFiled(), triaged(Severity.GENERAL, Severity.GENERAL, oneHour), firstResponse(3600))
                    .when(triage(Severity.GENERAL, oneHour.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.TRIAGE_UNCHANGED));
        }

        @Test
        void correctingToMajorRetargetsTheResolutionAndHandsItToAManager() {
            Instant oneHour = at("2027-03-02T11:00");
            Instant newDue = at("2027-03-02T18:00");
            fixture.givenCurrentTime(FILED)
                    .andGivenCommands(file(Severity.GENERAL, FILED))
                    .when(triage(Severity.MAJOR, oneHour))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(triaged(Severity.MAJOR, Severity.GENERAL, oneHour),
                            new SlaClockStoppedEvent(ID, SlaClock.FIRST_RESPONSE, 3600, false, oneHour),
                            new SlaClockRetargetedEvent(ID, SlaClock.RESOLUTION, MAJOR_RESOLUTION, newDue, oneHour),
                            new ComplaintEscalatedEvent(ID, EscalationLevel.HANDLER, EscalationLevel.MANAGER,
                                    EscalationReason.MAJOR_SEVERITY, null, RECEPTION, oneHour))
                    .expectScheduledDeadline(newDue, new SlaDeadline(SlaClock.RESOLUTION, newDue))
                    .expectNoScheduledDeadlineWithName(GENERAL_RESOLUTION_DUE, ComplaintCase.RESOLUTION_DEADLINE)
                    .expectNoScheduledDeadlineWithName(GENERAL_FIRST_DUE, ComplaintCase.FIRST_RESPONSE_DEADLINE);
        }

        @Test
        void correctingToGeneralGivesMoreTimeButKeepsTheManager() {
            Instant halfHour = at("2027-03-02T10:30");
            given(majorFiled())
                    .when(triage(Severity.GENERAL, halfHour))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(triaged(Severity.GENERAL, Severity.MAJOR, halfHour),
                            new SlaClockStoppedEvent(ID, SlaClock.FIRST_RESPONSE, 1800, false, halfHour),
                            new SlaClockRetargetedEvent(ID, SlaClock.RESOLUTION, GENERAL_RESOLUTION,
                                    GENERAL_RESOLUTION_DUE, halfHour));
        }

        @Test
        void retargetsAPausedClockWithoutADueTime() {
            Instant paused = at("2027-03-02T12:00");
            Instant triagedAt = at("2027-03-02T13:00");
            given(generalFiled(), firstResponse(7200),
                            new ComplaintPausedEvent(ID, s("waiting for the receipt"), 7200, RECEPTION, paused))
                    .when(triage(Severity.MAJOR, triagedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(triaged(Severity.MAJOR, Severity.GENERAL, triagedAt),
                            new SlaClockRetargetedEvent(ID, SlaClock.RESOLUTION, MAJOR_RESOLUTION, null, triagedAt),
                            new ComplaintEscalatedEvent(ID, EscalationLevel.HANDLER, EscalationLevel.MANAGER,
                                    EscalationReason.MAJOR_SEVERITY, null, RECEPTION, triagedAt));
        }
    }

    @Nested
    class AssignmentAndEscalation {

        @Test
        void assignsAHandler() {
            given(generalFiled())
                    .when(new AssignComplaintCommand(ID, HANDLER, SUPERVISOR, FILED.plusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ComplaintAssignedEvent(ID, HANDLER, null, SUPERVISOR, FILED.plusSeconds(60)));
        }

        @Test
        void reassignsFromThePreviousHandler() {
            given(generalFiled(), new ComplaintAssignedEvent(ID, HANDLER, null, SUPERVISOR, FILED))
                    .when(new AssignComplaintCommand(ID, RECEPTION, SUPERVISOR, FILED.plusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ComplaintAssignedEvent(ID, RECEPTION, HANDLER, SUPERVISOR,
                            FILED.plusSeconds(60)));
        }

        @Test
        void rejectsAssigningTheSameHandlerAgain() {
            given(generalFiled(), new ComplaintAssignedEvent(ID, HANDLER, null, SUPERVISOR, FILED))
                    .when(new AssignComplaintCommand(ID, HANDLER, SUPERVISOR, FILED.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.HANDLER_ALREADY_ASSIGNED));
        }

        @Test
        void escalatesFromTheHandlerToASupervisor() {
            given(generalFiled())
                    .when(new EscalateComplaintCommand(ID, "angry parent", SUPERVISOR, FILED.plusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ComplaintEscalatedEvent(ID, EscalationLevel.HANDLER, EscalationLevel.SUPERVISOR,
                            EscalationReason.MANUAL, s("angry parent"), SUPERVISOR, FILED.plusSeconds(60)));
        }

        @Test
        void escalatesFromASupervisorToAManager() {
            given(generalFiled(), escalated(EscalationLevel.HANDLER, EscalationLevel.SUPERVISOR))
                    .when(new EscalateComplaintCommand(ID, null, SUPERVISOR, FILED.plusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ComplaintEscalatedEvent(ID, EscalationLevel.SUPERVISOR, EscalationLevel.MANAGER,
                            EscalationReason.MANUAL, null, SUPERVISOR, FILED.plusSeconds(60)));
        }

        @Test
        void rejectsEscalatingAManagersComplaint() {
            given(majorFiled())
                    .when(new EscalateComplaintCommand(ID, null, MANAGER, FILED.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.ESCALATION_AT_TOP_LEVEL));
        }
    }

    @Nested
    class InvestigationNotes {

        @Test
        void firstNoteIsTheFirstResponse() {
            Instant twoHours = FILED.plus(Duration.ofHours(2));
            given(generalFiled())
                    .when(new AddInvestigationNoteCommand(ID, "called the teacher", RECEPTION, twoHours))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new InvestigationNoteAddedEvent(ID, s("called the teacher"), RECEPTION, twoHours),
                            new SlaClockStoppedEvent(ID, SlaClock.FIRST_RESPONSE, 7200, false, twoHours));
        }

        @Test
        void laterNotesAreJustNotes() {
            Instant threeHours = FILED.plus(Duration.ofHours(3));
            given(generalFiled(), firstResponse(3600))
                    .when(new AddInvestigationNoteCommand(ID, "class register checked", HANDLER, threeHours))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new InvestigationNoteAddedEvent(ID, s("class register checked"), HANDLER, threeHours));
        }

        @Test
        void countsALateFirstResponseAsBreached() {
            Instant late = at("2027-03-02T15:00");
            given(generalFiled(), breached(SlaClock.FIRST_RESPONSE, EscalationLevel.HANDLER, GENERAL_FIRST_DUE))
                    .when(new AddInvestigationNoteCommand(ID, "sorry for the wait", HANDLER, late))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new InvestigationNoteAddedEvent(ID, s("sorry for the wait"), HANDLER, late),
                            new SlaClockStoppedEvent(ID, SlaClock.FIRST_RESPONSE, 5 * 3600, true, late));
        }
    }

    @Nested
    class Resolutions {

        private final Instant proposedAt = at("2027-03-02T13:00");

        @Test
        void aResolutionWithoutCompensationIsToldAtOnce() {
            given(generalFiled())
                    .when(propose(null, Role.RECEPTIONIST, RECEPTION))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(proposed(null, null, RECEPTION),
                            new SlaClockStoppedEvent(ID, SlaClock.FIRST_RESPONSE, 3 * 3600, false, proposedAt),
                            new SlaClockStoppedEvent(ID, SlaClock.RESOLUTION, 3 * 3600, false, proposedAt));
        }

        @Test
        void smallCompensationFromAReceptionistWaitsForASupervisor() {
            Compensation voucher = new Compensation(CompensationType.VOUCHER, 20_000, "CNY");
            given(generalFiled(), firstResponse(60))
                    .when(propose(voucher, Role.RECEPTIONIST, RECEPTION))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(proposed(voucher, Role.SUPERVISOR, RECEPTION));
        }

        @Test
        void compensationAtTheLimitIsStillSmall() {
            Compensation refund = new Compensation(CompensationType.REFUND, LIMIT, "CNY");
            given(generalFiled(), firstResponse(60))
                    .when(propose(refund, Role.SUPERVISOR, SUPERVISOR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(proposed(refund, null, SUPERVISOR),
                            new SlaClockStoppedEvent(ID, SlaClock.RESOLUTION, 3 * 3600, false, proposedAt));
        }

        @Test
        void compensationAboveTheLimitFromASupervisorWaitsForAManager() {
            Compensation refund = new Compensation(CompensationType.REFUND, LIMIT + 1, "CNY");
            given(generalFiled(), firstResponse(60))
                    .when(propose(refund, Role.SUPERVISOR, SUPERVISOR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(proposed(refund, Role.MANAGER, SUPERVISOR));
        }

        @Test
        void aManagerSettlesCompensationAboveTheLimitAlone() {
            Compensation preCompensation = new Compensation(CompensationType.PRE_COMPENSATION, 120_000, "CNY");
            given(generalFiled(), firstResponse(60))
                    .when(propose(preCompensation, Role.MANAGER, MANAGER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(proposed(preCompensation, null, MANAGER),
                            new SlaClockStoppedEvent(ID, SlaClock.RESOLUTION, 3 * 3600, false, proposedAt));
        }

        @Test
        void anEscalatedComplaintsResolutionNeedsItsLevel() {
            given(generalFiled(), firstResponse(60),
                            escalated(EscalationLevel.HANDLER, EscalationLevel.SUPERVISOR))
                    .when(propose(null, Role.RECEPTIONIST, RECEPTION))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(proposed(null, Role.SUPERVISOR, RECEPTION));
        }

        @Test
        void aMajorComplaintsResolutionNeedsAManager() {
            given(majorFiled(), firstResponse(60))
                    .when(propose(null, Role.SUPERVISOR, SUPERVISOR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(proposed(null, Role.MANAGER, SUPERVISOR));
        }

        @Test
        void rejectsCompensationInAnotherCurrency() {
            given(generalFiled())
                    .when(propose(new Compensation(CompensationType.REFUND, 100, "USD"), Role.MANAGER, MANAGER))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.COMPENSATION_CURRENCY_MISMATCH));
        }

        @Test
        void rejectsAResolutionWhileWaitingOnTheCustomer() {
            given(generalFiled(), firstResponse(60), paused(at("2027-03-02T11:00"), 3600))
                    .when(propose(null, Role.RECEPTIONIST, RECEPTION))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.COMPLAINT_PAUSED));
        }

        @Test
        void rejectsASecondResolutionWhileOneWaitsForApproval() {
            given(generalFiled(), firstResponse(60), proposed(overLimit(), Role.MANAGER, SUPERVISOR))
                    .when(propose(null, Role.SUPERVISOR, SUPERVISOR))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.RESOLUTION_PENDING_APPROVAL));
        }

        @Test
        void rejectsASecondResolutionBeforeTheCustomerAnswered() {
            given(generalFiled(), firstResponse(60), proposed(null, null, RECEPTION), resolutionStopped())
                    .when(propose(null, Role.RECEPTIONIST, RECEPTION))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.RESOLUTION_ALREADY_OFFERED));
        }

        private ProposeResolutionCommand propose(Compensation compensation, Role role, StaffId by) {
            return new ProposeResolutionCommand(ID, "apology and a free class", compensation, role, by, proposedAt);
        }

        private ResolutionProposedEvent proposed(Compensation compensation, Role approver, StaffId by) {
            return new ResolutionProposedEvent(ID, s("apology and a free class"), compensation, approver, by,
                    proposedAt);
        }

        private SlaClockStoppedEvent resolutionStopped() {
            return new SlaClockStoppedEvent(ID, SlaClock.RESOLUTION, 3 * 3600, false, proposedAt);
        }
    }

    @Nested
    class Approvals {

        private final Instant decidedAt = at("2027-03-02T16:00");

        @Test
        void aManagerApprovesCompensationAboveTheLimitAndTheCustomerIsTold() {
            given(awaitingManager())
                    .when(new ApproveResolutionCommand(ID, Role.MANAGER, MANAGER, decidedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ResolutionApprovedEvent(ID, MANAGER, decidedAt),
                            new SlaClockStoppedEvent(ID, SlaClock.RESOLUTION, 6 * 3600, false, decidedAt));
        }

        @Test
        void aSupervisorMayNotApproveCompensationAboveTheLimit() {
            given(awaitingManager())
                    .when(new ApproveResolutionCommand(ID, Role.SUPERVISOR, SUPERVISOR, decidedAt))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void aSupervisorMayNotRejectCompensationAboveTheLimit() {
            given(awaitingManager())
                    .when(new RejectResolutionCommand(ID, "too much", Role.SUPERVISOR, SUPERVISOR, decidedAt))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void aSupervisorApprovesSmallCompensation() {
            given(generalFiled(), firstResponse(60), new ResolutionProposedEvent(ID, s("voucher"),
                            new Compensation(CompensationType.VOUCHER, 5_000, "CNY"), Role.SUPERVISOR, RECEPTION,
                            FILED))
                    .when(new ApproveResolutionCommand(ID, Role.SUPERVISOR, SUPERVISOR, decidedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ResolutionApprovedEvent(ID, SUPERVISOR, decidedAt),
                            new SlaClockStoppedEvent(ID, SlaClock.RESOLUTION, 6 * 3600, false, decidedAt));
        }

        @Test
        void aManagerRejectsAndHandlingGoesOn() {
            given(awaitingManager())
                    .when(new RejectResolutionCommand(ID, "offer a voucher instead", Role.MANAGER, MANAGER, decidedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ResolutionRejectedEvent(ID, s("offer a voucher instead"), MANAGER, decidedAt));
        }

        @Test
        void aNewResolutionMayFollowARejection() {
            given(awaitingManager(), new ResolutionRejectedEvent(ID, s("no"), MANAGER, decidedAt))
                    .when(new ProposeResolutionCommand(ID, "apology", null, Role.RECEPTIONIST, RECEPTION,
                            decidedAt.plusSeconds(600)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ResolutionProposedEvent(ID, s("apology"), null, null, RECEPTION,
                                    decidedAt.plusSeconds(600)),
                            new SlaClockStoppedEvent(ID, SlaClock.RESOLUTION, 6 * 3600 + 600, false,
                                    decidedAt.plusSeconds(600)));
        }

        @Test
        void rejectsAnApprovalWhenNothingWaits() {
            given(generalFiled())
                    .when(new ApproveResolutionCommand(ID, Role.MANAGER, MANAGER, decidedAt))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.NO_RESOLUTION_PENDING_APPROVAL));
        }

        @Test
        void theCustomerMayNotBeToldBeforeTheApproval() {
            given(awaitingManager())
                    .when(new RecordCustomerAnswerCommand(ID, true, "fine", RECEPTION, decidedAt))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.RESOLUTION_PENDING_APPROVAL));
        }

        private Object[] awaitingManager() {
            return new Object[]{generalFiled()[0], generalFiled()[1], generalFiled()[2], firstResponse(60),
                new ResolutionProposedEvent(ID, s("refund of the term"), overLimit(), Role.MANAGER, SUPERVISOR, FILED)};
        }
    }

    @Nested
    class CustomerAnswers {

        private final Instant answeredAt = at("2027-03-03T10:00");

        @Test
        void aSatisfiedCustomerClosesTheComplaintAndAFollowUpCallIsScheduled() {
            given(told())
                    .when(new RecordCustomerAnswerCommand(ID, true, "thank you", RECEPTION, answeredAt))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ComplaintClosedEvent(ID, s("thank you"), RECEPTION, answeredAt),
                            new FollowUpCallScheduledEvent(ID, answeredAt.plus(Duration.ofDays(7)), answeredAt));
        }

        @Test
        void aDissatisfiedCustomerReopensItWithAFreshResolutionClock() {
            Instant due = at("2027-03-05T10:00");
            given(told())
                    .when(new RecordCustomerAnswerCommand(ID, false, "not enough", RECEPTION, answeredAt))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ComplaintReopenedEvent(ID, s("not enough"), 1, RECEPTION, answeredAt),
                            new SlaClockStartedEvent(ID, SlaClock.RESOLUTION, GENERAL_RESOLUTION, due, answeredAt))
                    .expectScheduledDeadline(due, new SlaDeadline(SlaClock.RESOLUTION, due));
        }

        @Test
        void countsEveryReopen() {
            Instant secondAnswer = answeredAt.plus(Duration.ofHours(30));
            given(told())
                    .andGiven(new ComplaintReopenedEvent(ID, s("not enough"), 1, RECEPTION, answeredAt),
                            new SlaClockStartedEvent(ID, SlaClock.RESOLUTION, GENERAL_RESOLUTION,
                                    at("2027-03-05T10:00"), answeredAt),
                            new ResolutionProposedEvent(ID, s("a second offer"), null, null, RECEPTION, answeredAt),
                            new SlaClockStoppedEvent(ID, SlaClock.RESOLUTION, 0, false, answeredAt))
                    .when(new RecordCustomerAnswerCommand(ID, false, "still not", RECEPTION, secondAnswer))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ComplaintReopenedEvent(ID, s("still not"), 2, RECEPTION, secondAnswer),
                            new SlaClockStartedEvent(ID, SlaClock.RESOLUTION, GENERAL_RESOLUTION,
                                    at("2027-03-06T16:00"), secondAnswer));
        }

        @Test
        void rejectsAnAnswerBeforeTheCustomerWasTold() {
            given(generalFiled())
                    .when(new RecordCustomerAnswerCommand(ID, true, null, RECEPTION, answeredAt))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.NO_RESOLUTION_OFFERED));
        }

        @Test
        void recordsTheFollowUpCall() {
            Instant call = answeredAt.plus(Duration.ofDays(7));
            given(told()).andGiven(new ComplaintClosedEvent(ID, null, RECEPTION, answeredAt))
                    .when(new RecordFollowUpCallCommand(ID, true, true, "happy with the new teacher", RECEPTION, call))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new FollowUpCallRecordedEvent(ID, true, true, s("happy with the new teacher"),
                            RECEPTION, call));
        }

        @Test
        void aCustomerNotReachedGivesNoSatisfaction() {
            Instant call = answeredAt.plus(Duration.ofDays(7));
            given(told()).andGiven(new ComplaintClosedEvent(ID, null, RECEPTION, answeredAt))
                    .when(new RecordFollowUpCallCommand(ID, false, true, "no answer", RECEPTION, call))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new FollowUpCallRecordedEvent(ID, false, null, s("no answer"), RECEPTION, call));
        }

        @Test
        void rejectsAFollowUpCallBeforeClosing() {
            given(told())
                    .when(new RecordFollowUpCallCommand(ID, true, true, null, RECEPTION, answeredAt))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.COMPLAINT_NOT_CLOSED));
        }

        @Test
        void rejectsASecondFollowUpCall() {
            given(told()).andGiven(new ComplaintClosedEvent(ID, null, RECEPTION, answeredAt),
                            new FollowUpCallRecordedEvent(ID, true, true, null, RECEPTION, answeredAt))
                    .when(new RecordFollowUpCallCommand(ID, true, false, null, RECEPTION, answeredAt))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.FOLLOW_UP_ALREADY_RECORDED));
        }

        private Object[] told() {
            Instant proposedAt = at("2027-03-02T13:00");
            return new Object[]{generalFiled()[0], generalFiled()[1], generalFiled()[2],
                new ResolutionProposedEvent(ID, s("apology"), null, null, RECEPTION, proposedAt),
                new SlaClockStoppedEvent(ID, SlaClock.FIRST_RESPONSE, 3 * 3600, false, proposedAt),
                new SlaClockStoppedEvent(ID, SlaClock.RESOLUTION, 3 * 3600, false, proposedAt)};
        }
    }

    @Nested
    class WaitingOnTheCustomer {

        private final Instant pausedAt = at("2027-03-02T12:00");
        private final Instant resumedAt = at("2027-03-06T10:00");
        /** 22 business hours were left: Saturday 10:00-21:00 and Sunday 09:00-20:00. */
        private final Instant dueAfterResume = at("2027-03-07T20:00");

        @Test
        void pausingStopsTheClockAndCountsAsTheFirstResponse() {
            fixture.givenCurrentTime(FILED)
                    .andGivenCommands(file(Severity.GENERAL, FILED))
                    .when(new PauseComplaintCommand(ID, "waiting for the receipt", RECEPTION, pausedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SlaClockStoppedEvent(ID, SlaClock.FIRST_RESPONSE, 7200, false, pausedAt),
                            paused(pausedAt, 7200))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aPausedComplaintNeverBreaches() {
            fixture.givenCurrentTime(FILED)
                    .andGivenCommands(file(Severity.GENERAL, FILED),
                            new PauseComplaintCommand(ID, "waiting for the receipt", RECEPTION, pausedAt))
                    .whenTimeAdvancesTo(GENERAL_RESOLUTION_DUE.plus(Duration.ofDays(30)))
                    .expectNoEvents();
        }

        @Test
        void resumingRunsTheClockWithTheBusinessTimeLeft() {
            fixture.givenCurrentTime(FILED)
                    .andGivenCommands(file(Severity.GENERAL, FILED),
                            new PauseComplaintCommand(ID, "waiting for the receipt", RECEPTION, pausedAt))
                    .when(new ResumeComplaintCommand(ID, RECEPTION, resumedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ComplaintResumedEvent(ID, dueAfterResume, RECEPTION, resumedAt))
                    .expectScheduledDeadline(dueAfterResume, new SlaDeadline(SlaClock.RESOLUTION, dueAfterResume));
        }

        @Test
        void aResumedComplaintBreachesWhenTheTimeLeftRunsOut() {
            fixture.givenCurrentTime(FILED)
                    .andGivenCommands(file(Severity.GENERAL, FILED),
                            new PauseComplaintCommand(ID, "waiting for the receipt", RECEPTION, pausedAt),
                            new ResumeComplaintCommand(ID, RECEPTION, resumedAt))
                    .whenTimeAdvancesTo(dueAfterResume)
                    .expectEvents(breached(SlaClock.RESOLUTION, EscalationLevel.HANDLER, dueAfterResume),
                            new ComplaintEscalatedEvent(ID, EscalationLevel.HANDLER, EscalationLevel.SUPERVISOR,
                                    EscalationReason.SLA_BREACH, null, null, dueAfterResume));
        }

        @Test
        void resumingABreachedClockSchedulesNothing() {
            given(generalFiled(), firstResponse(3600),
                            breached(SlaClock.RESOLUTION, EscalationLevel.HANDLER, GENERAL_RESOLUTION_DUE),
                            paused(at("2027-03-04T11:00"), 25 * 3600))
                    .when(new ResumeComplaintCommand(ID, RECEPTION, resumedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ComplaintResumedEvent(ID, null, RECEPTION, resumedAt))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void rejectsPausingTwice() {
            given(generalFiled(), firstResponse(60), paused(pausedAt, 7200))
                    .when(new PauseComplaintCommand(ID, "again", RECEPTION, pausedAt.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.COMPLAINT_PAUSED));
        }

        @Test
        void rejectsResumingWhatIsNotPaused() {
            given(generalFiled())
                    .when(new ResumeComplaintCommand(ID, RECEPTION, resumedAt))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.COMPLAINT_NOT_PAUSED));
        }

        @Test
        void rejectsPausingWhenTheCustomerWasAlreadyTold() {
            given(generalFiled(), new ResolutionProposedEvent(ID, s("apology"), null, null, RECEPTION, pausedAt),
                            new SlaClockStoppedEvent(ID, SlaClock.FIRST_RESPONSE, 7200, false, pausedAt),
                            new SlaClockStoppedEvent(ID, SlaClock.RESOLUTION, 7200, false, pausedAt))
                    .when(new PauseComplaintCommand(ID, "waiting", RECEPTION, pausedAt.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.COMPLAINT_CANNOT_PAUSE));
        }
    }

    @Nested
    class Deadlines {

        @Test
        void aMissedFirstResponseIsABreachAndGoesToASupervisor() {
            fixture.givenCurrentTime(FILED)
                    .andGivenCommands(file(Severity.GENERAL, FILED))
                    .whenTimeAdvancesTo(GENERAL_FIRST_DUE)
                    .expectTriggeredDeadlinesWithName(ComplaintCase.FIRST_RESPONSE_DEADLINE)
                    .expectEvents(breached(SlaClock.FIRST_RESPONSE, EscalationLevel.HANDLER, GENERAL_FIRST_DUE),
                            new ComplaintEscalatedEvent(ID, EscalationLevel.HANDLER, EscalationLevel.SUPERVISOR,
                                    EscalationReason.SLA_BREACH, null, null, GENERAL_FIRST_DUE));
        }

        @Test
        void aMissedResolutionGoesOnToAManager() {
            fixture.givenCurrentTime(FILED)
                    .andGivenCommands(file(Severity.GENERAL, FILED))
                    .whenTimeAdvancesTo(GENERAL_RESOLUTION_DUE)
                    .expectEvents(breached(SlaClock.FIRST_RESPONSE, EscalationLevel.HANDLER, GENERAL_FIRST_DUE),
                            new ComplaintEscalatedEvent(ID, EscalationLevel.HANDLER, EscalationLevel.SUPERVISOR,
                                    EscalationReason.SLA_BREACH, null, null, GENERAL_FIRST_DUE),
                            breached(SlaClock.RESOLUTION, EscalationLevel.SUPERVISOR, GENERAL_RESOLUTION_DUE),
                            new ComplaintEscalatedEvent(ID, EscalationLevel.SUPERVISOR, EscalationLevel.MANAGER,
                                    EscalationReason.SLA_BREACH, null, null, GENERAL_RESOLUTION_DUE));
        }

        @Test
        void aMajorComplaintBreachesButStaysWithItsManager() {
            fixture.givenCurrentTime(FILED)
                    .andGivenCommands(file(Severity.MAJOR, FILED))
                    .whenTimeAdvancesTo(MAJOR_RESOLUTION_DUE)
                    .expectEvents(breached(SlaClock.FIRST_RESPONSE, EscalationLevel.MANAGER, MAJOR_FIRST_DUE),
                            breached(SlaClock.RESOLUTION, EscalationLevel.MANAGER, MAJOR_RESOLUTION_DUE));
        }

        @Test
        void nothingBreachesBeforeItIsDue() {
            fixture.givenCurrentTime(FILED)
                    .andGivenCommands(file(Severity.GENERAL, FILED))
                    .whenTimeAdvancesTo(GENERAL_FIRST_DUE.minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void aFirstResponseInTimeCancelsItsDeadline() {
            fixture.givenCurrentTime(FILED)
                    .andGivenCommands(file(Severity.GENERAL, FILED),
                            triage(Severity.GENERAL, FILED.plus(Duration.ofHours(1))))
                    .whenTimeAdvancesTo(GENERAL_FIRST_DUE)
                    .expectNoEvents()
                    .expectNoScheduledDeadlineWithName(GENERAL_FIRST_DUE, ComplaintCase.FIRST_RESPONSE_DEADLINE)
                    .expectScheduledDeadlineWithName(GENERAL_RESOLUTION_DUE, ComplaintCase.RESOLUTION_DEADLINE);
        }

        @Test
        void aResolutionToldInTimeCancelsItsDeadline() {
            fixture.givenCurrentTime(FILED)
                    .andGivenCommands(file(Severity.GENERAL, FILED), new ProposeResolutionCommand(ID, "apology", null,
                            Role.RECEPTIONIST, RECEPTION, FILED.plus(Duration.ofHours(1))))
                    .whenTimeAdvancesTo(GENERAL_RESOLUTION_DUE.plus(Duration.ofDays(7)))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aReopenedComplaintCanBreachAgain() {
            Instant reopened = at("2027-03-03T10:00");
            Instant due = at("2027-03-05T10:00");
            fixture.givenCurrentTime(FILED)
                    .andGivenCommands(file(Severity.GENERAL, FILED),
                            new ProposeResolutionCommand(ID, "apology", null, Role.RECEPTIONIST, RECEPTION,
                                    FILED.plus(Duration.ofHours(1))),
                            new RecordCustomerAnswerCommand(ID, false, "no", RECEPTION, reopened))
                    .whenTimeAdvancesTo(due)
                    .expectEvents(breached(SlaClock.RESOLUTION, EscalationLevel.HANDLER, due),
                            new ComplaintEscalatedEvent(ID, EscalationLevel.HANDLER, EscalationLevel.SUPERVISOR,
                                    EscalationReason.SLA_BREACH, null, null, due));
        }

        @Test
        void aWithdrawnComplaintNeverBreaches() {
            fixture.givenCurrentTime(FILED)
                    .andGivenCommands(file(Severity.GENERAL, FILED),
                            new WithdrawComplaintCommand(ID, "sorted it out at home", RECEPTION, FILED.plusSeconds(60)))
                    .whenTimeAdvancesTo(GENERAL_RESOLUTION_DUE.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aStaleDeadlineChangesNothing() {
            given(generalFiled(), firstResponse(60), paused(at("2027-03-02T11:00"), 3600))
                    .whenInvoking(ID.value(), complaint -> complaint.resolutionDue(
                            new SlaDeadline(SlaClock.RESOLUTION, GENERAL_RESOLUTION_DUE)))
                    .expectNoEvents();
        }

        @Test
        void aDeadlineForAnEarlierDueTimeChangesNothing() {
            Instant newDue = at("2027-03-02T18:00");
            given(generalFiled(), triaged(Severity.MAJOR, Severity.GENERAL, FILED), firstResponse(60),
                            new SlaClockRetargetedEvent(ID, SlaClock.RESOLUTION, MAJOR_RESOLUTION, newDue, FILED))
                    .whenInvoking(ID.value(), complaint -> complaint.resolutionDue(
                            new SlaDeadline(SlaClock.RESOLUTION, GENERAL_RESOLUTION_DUE)))
                    .expectNoEvents();
        }
    }

    @Nested
    class Ending {

        private final Instant withdrawnAt = FILED.plus(Duration.ofHours(1));

        @Test
        void theCustomerWithdrawsTheComplaint() {
            fixture.givenCurrentTime(FILED)
                    .andGivenCommands(file(Severity.GENERAL, FILED))
                    .when(new WithdrawComplaintCommand(ID, "sorted it out", RECEPTION, withdrawnAt))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ComplaintWithdrawnEvent(ID, s("sorted it out"), RECEPTION, withdrawnAt))
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @MethodSource("com.deskledger.command.complaint.ComplaintCaseTest#everyHandlingCommand")
        void rejectsHandlingAWithdrawnComplaint(Object command) {
            given(generalFiled(), new ComplaintWithdrawnEvent(ID, null, RECEPTION, withdrawnAt))
                    .when(command)
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.COMPLAINT_WITHDRAWN));
        }

        @ParameterizedTest
        @MethodSource("com.deskledger.command.complaint.ComplaintCaseTest#everyHandlingCommand")
        void rejectsHandlingAClosedComplaint(Object command) {
            Instant proposedAt = FILED.plusSeconds(60);
            given(generalFiled(), new ResolutionProposedEvent(ID, s("apology"), null, null, RECEPTION,
                                    proposedAt),
                            new SlaClockStoppedEvent(ID, SlaClock.FIRST_RESPONSE, 60, false, proposedAt),
                            new SlaClockStoppedEvent(ID, SlaClock.RESOLUTION, 60, false, proposedAt),
                            new ComplaintClosedEvent(ID, null, RECEPTION, withdrawnAt))
                    .when(command)
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.COMPLAINT_CLOSED));
        }

        @Test
        void rejectsAStepDatedBeforeTheComplaintCameIn() {
            given(generalFiled())
                    .when(new AddInvestigationNoteCommand(ID, "backdated", RECEPTION, FILED.minusSeconds(1)))
                    .expectNoEvents()
                    .expectException(hasCode(ErrorCode.TIME_BEFORE_FILING));
        }
    }

    static Stream<Arguments> everyHandlingCommand() {
        Instant later = FILED.plus(Duration.ofHours(2));
        return Stream.of(
                Arguments.of(named("triage", triage(Severity.MAJOR, later))),
                Arguments.of(named("assignment", new AssignComplaintCommand(ID, HANDLER, SUPERVISOR, later))),
                Arguments.of(named("escalation", new EscalateComplaintCommand(ID, null, SUPERVISOR, later))),
                Arguments.of(named("note", new AddInvestigationNoteCommand(ID, "note", RECEPTION, later))),
                Arguments.of(named("resolution",
                        new ProposeResolutionCommand(ID, "apology", null, Role.MANAGER, MANAGER, later))),
                Arguments.of(named("approval", new ApproveResolutionCommand(ID, Role.MANAGER, MANAGER, later))),
                Arguments.of(named("rejection", new RejectResolutionCommand(ID, "no", Role.MANAGER, MANAGER, later))),
                Arguments.of(named("answer", new RecordCustomerAnswerCommand(ID, true, null, RECEPTION, later))),
                Arguments.of(named("pause", new PauseComplaintCommand(ID, "wait", RECEPTION, later))),
                Arguments.of(named("resume", new ResumeComplaintCommand(ID, RECEPTION, later))),
                Arguments.of(named("withdrawal", new WithdrawComplaintCommand(ID, null, RECEPTION, later))));
    }

    // ---------------------------------------------------------------- helpers

    /** Given events, where a part may itself be an array of events. */
    private TestExecutor<ComplaintCase> given(Object... parts) {
        List<Object> events = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Object[] many) {
                events.addAll(Arrays.asList(many));
            } else {
                events.add(part);
            }
        }
        return fixture.given(events);
    }

    private static FileComplaintCommand file(Severity severity, Instant receivedAt) {
        return new FileComplaintCommand(ID, CENTRE, ComplaintChannel.PHONE, CUSTOMER, ComplaintCategory.COURSE_PRODUCT,
                "the teacher missed two classes", severity, null, RECEPTION, receivedAt);
    }

    private static ComplaintFiledEvent filed(Severity severity) {
        return new ComplaintFiledEvent(ID, CENTRE, ComplaintChannel.PHONE, SEALED_CUSTOMER,
                ComplaintCategory.COURSE_PRODUCT, s("the teacher missed two classes"), severity, null, RECEPTION, FILED);
    }

    private static ComplaintEscalatedEvent escalatedAsMajor() {
        return new ComplaintEscalatedEvent(ID, EscalationLevel.HANDLER, EscalationLevel.MANAGER,
                EscalationReason.MAJOR_SEVERITY, null, RECEPTION, FILED);
    }

    private static SlaClockStartedEvent firstStarted(Severity severity) {
        return severity == Severity.MAJOR
                ? new SlaClockStartedEvent(ID, SlaClock.FIRST_RESPONSE, MAJOR_FIRST, MAJOR_FIRST_DUE, FILED)
                : new SlaClockStartedEvent(ID, SlaClock.FIRST_RESPONSE, GENERAL_FIRST, GENERAL_FIRST_DUE, FILED);
    }

    private static SlaClockStartedEvent resolutionStarted(Severity severity) {
        return severity == Severity.MAJOR
                ? new SlaClockStartedEvent(ID, SlaClock.RESOLUTION, MAJOR_RESOLUTION, MAJOR_RESOLUTION_DUE, FILED)
                : new SlaClockStartedEvent(ID, SlaClock.RESOLUTION, GENERAL_RESOLUTION, GENERAL_RESOLUTION_DUE, FILED);
    }

    private static Object[] generalFiled() {
        return new Object[]{filed(Severity.GENERAL), firstStarted(Severity.GENERAL),
            resolutionStarted(Severity.GENERAL)};
    }

    private static Object[] majorFiled() {
        return new Object[]{filed(Severity.MAJOR), escalatedAsMajor(), firstStarted(Severity.MAJOR),
            resolutionStarted(Severity.MAJOR)};
    }

    private static TriageComplaintCommand triage(Severity severity, Instant at) {
        return new TriageComplaintCommand(ID, "justified", "teaching", severity, RECEPTION, at);
    }

    private static ComplaintTriagedEvent triaged(Severity severity, Severity previous, Instant at) {
        return new ComplaintTriagedEvent(ID, "justified", "teaching", severity, previous, RECEPTION, at);
    }

    private static SlaClockStoppedEvent firstResponse(long seconds) {
        return new SlaClockStoppedEvent(ID, SlaClock.FIRST_RESPONSE, seconds, false, FILED.plusSeconds(seconds));
    }

    private static ComplaintEscalatedEvent escalated(EscalationLevel from, EscalationLevel to) {
        return new ComplaintEscalatedEvent(ID, from, to, EscalationReason.MANUAL, null, SUPERVISOR, FILED);
    }

    private static ComplaintPausedEvent paused(Instant at, long used) {
        return new ComplaintPausedEvent(ID, s("waiting for the receipt"), used, RECEPTION, at);
    }

    private static SlaBreachedEvent breached(SlaClock clock, EscalationLevel level, Instant due) {
        return new SlaBreachedEvent(ID, clock, level, due);
    }

    private static Compensation overLimit() {
        return new Compensation(CompensationType.REFUND, 80_000, "CNY");
    }

    private static Instant at(String localShanghai) {
        return LocalDateTime.parse(localShanghai).atZone(SHANGHAI).toInstant();
    }

    /** The children's centre: closed on Mondays; a CNY 500.00 approval limit; follow-up a week after closing. */
    private static final class TestPolicy implements ComplaintPolicy {

        private final BusinessHours hours;

        TestPolicy() {
            Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                week.put(day, day == DayOfWeek.MONDAY ? BusinessHours.CLOSED : "09:00-21:00");
            }
            hours = BusinessHours.parse(SHANGHAI, week);
        }

        @Override
        public Duration target(CentreId centre, Severity severity, SlaClock clock) {
            if (severity == Severity.MAJOR) {
                return clock == SlaClock.FIRST_RESPONSE ? MAJOR_FIRST : MAJOR_RESOLUTION;
            }
            return clock == SlaClock.FIRST_RESPONSE ? GENERAL_FIRST : GENERAL_RESOLUTION;
        }

        @Override
        public BusinessHours businessHours(CentreId centre) {
            return hours;
        }

        @Override
        public long approvalLimitMinor() {
            return LIMIT;
        }

        @Override
        public String approvalLimitCurrency() {
            return "CNY";
        }

        @Override
        public Duration followUpAfter() {
            return Duration.ofDays(7);
        }
    }

    /** A free-text value as the events hold it: sealed with the complaining member's key. */
    private static Sealed s(String plaintext) {
        return FakeVault.sealed(CUSTOMER.memberId(), plaintext);
    }
}
