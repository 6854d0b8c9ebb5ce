package com.deskledger.command.complaint;

import com.deskledger.kernel.BusinessHours;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.MetaDataKeys;
import com.deskledger.kernel.PersonalDataVault;
import com.deskledger.kernel.Role;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.Compensation;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.ComplaintStatus;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One complaint from filing to the customer's satisfaction (manual 002 §4.4). Two SLA clocks run in the centre's
 * business hours: to the first response and to a resolution the customer is told. Each running clock has a
 * deadline in the deadline manager; when it fires before the goal is reached the complaint records a breach and
 * goes up one level (handler, supervisor, manager), even if nobody touches it.
 */
@Aggregate
class ComplaintCase {

    static final String FIRST_RESPONSE_DEADLINE = "complaint-sla-first-response";
    static final String RESOLUTION_DEADLINE = "complaint-sla-resolution";
    /** Who the events a deadline causes are recorded for: no person did them. */
    static final String SYSTEM_USER = "system";

    @AggregateIdentifier
    private ComplaintId id;
    private CentreId centre;
    private Instant filedAt;
    private Severity severity;
    private EscalationLevel level;
    private ComplaintStatus status;
    private StaffId handler;
    private String nature;
    private String department;
    private final Map<SlaClock, SlaClockState> clocks = new EnumMap<>(SlaClock.class);
    /** The role that must approve the pending resolution; null when none is pending. */
    private Role approvalRequiredFrom;
    private int reopenCount;
    private boolean followUpRecorded;
    /** The member who complained, whose key seals the complaint's personal values; null for another customer. */
    private MemberId customerMember;

    ComplaintCase() {
        // for Axon
    }

    @CommandHandler
    ComplaintCase(FileComplaintCommand command, ComplaintPolicy policy, DeadlineManager deadlines,
                  PersonalDataVault vault) {
        if (command.customer() == null || !command.customer().isIdentified()) {
            throw new DomainException(ErrorCode.CUSTOMER_REQUIRED,
                    "a complaint needs the member or a name or phone number to reach the customer", "customer");
        }
        if (command.description() == null || command.description().isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "describe the complaint", "description");
        }
        Customer customer = command.customer();
        Sealer sealer = new Sealer(vault, command.complaintId(), customer.memberId());
        apply(new ComplaintFiledEvent(command.complaintId(), command.centre(), command.channel(),
                new SealedCustomer(customer.memberId(), sealer.seal(customer.name()), sealer.seal(customer.phone())),
                command.category(), sealer.seal(command.description()), command.severity(), command.visitId(),
                command.filedBy(), command.receivedAt()));
        if (command.severity() == Severity.MAJOR) {
            // major complaints are a manager's from the start
            apply(new ComplaintEscalatedEvent(command.complaintId(), EscalationLevel.HANDLER, EscalationLevel.MANAGER,
                    EscalationReason.MAJOR_SEVERITY, null, command.filedBy(), command.receivedAt()));
        }
        // events applied in a constructor reach the event sourcing handlers only after it returns: use the command
        BusinessHours hours = policy.businessHours(command.centre());
        for (SlaClock clock : SlaClock.values()) {
            Duration target = policy.target(command.centre(), command.severity(), clock);
            Instant due = hours.plus(command.receivedAt(), target);
            apply(new SlaClockStartedEvent(command.complaintId(), clock, target, due, command.receivedAt()));
            schedule(command.centre(), clock, due, deadlines);
        }
    }

    @CommandHandler
    void handle(TriageComplaintCommand command, ComplaintPolicy policy, DeadlineManager deadlines) {
        requireActive(command.at());
        if (Objects.equals(command.nature(), nature) && Objects.equals(command.department(), department)
                && command.severity() == severity) {
            throw new DomainException(ErrorCode.TRIAGE_UNCHANGED, "the triage says nothing new");
        }
        Severity previous = severity;
        apply(new ComplaintTriagedEvent(id, command.nature(), command.department(), command.severity(), previous,
                command.by(), command.at()));
        BusinessHours hours = policy.businessHours(centre);
        respondFirst(command.at(), hours, deadlines);
        if (command.severity() != previous) {
            retarget(command.severity(), command.at(), policy, hours, deadlines);
            if (command.severity() == Severity.MAJOR && !level.isTop()) {
                apply(new ComplaintEscalatedEvent(id, level, EscalationLevel.MANAGER,
                        EscalationReason.MAJOR_SEVERITY, null, command.by(), command.at()));
            }
        }
    }

    @CommandHandler
    void handle(AssignComplaintCommand command) {
        requireActive(command.at());
        if (command.handler().equals(handler)) {
            throw new DomainException(ErrorCode.HANDLER_ALREADY_ASSIGNED, "the complaint is already with that handler",
                    "handler");
        }
        apply(new ComplaintAssignedEvent(id, command.handler(), handler, command.by(), command.at()));
    }

    @CommandHandler
    void handle(EscalateComplaintCommand command, PersonalDataVault vault) {
        requireActive(command.at());
        if (level.isTop()) {
            throw new DomainException(ErrorCode.ESCALATION_AT_TOP_LEVEL, "the complaint is already a manager's");
        }
        apply(new ComplaintEscalatedEvent(id, level, level.next(), EscalationReason.MANUAL,
                sealer(vault).seal(command.note()), command.by(), command.at()));
    }

    @CommandHandler
    void handle(AddInvestigationNoteCommand command, ComplaintPolicy policy, DeadlineManager deadlines,
                PersonalDataVault vault) {
        requireActive(command.at());
        apply(new InvestigationNoteAddedEvent(id, sealer(vault).seal(command.text()), command.by(), command.at()));
        respondFirst(command.at(), policy.businessHours(centre), deadlines);
    }

    @CommandHandler
    void handle(ProposeResolutionCommand command, ComplaintPolicy policy, DeadlineManager deadlines,
                PersonalDataVault vault) {
        requireActive(command.at());
        requireHandling();
        Compensation compensation = command.compensation();
        if (compensation != null && !compensation.currency().equals(policy.approvalLimitCurrency())) {
            throw new DomainException(ErrorCode.COMPENSATION_CURRENCY_MISMATCH,
                    "compensation must be in " + policy.approvalLimitCurrency(), "compensation.currency");
        }
        Role required = higher(approverForLevel(), approverForCompensation(compensation, policy));
        Role approver = rank(command.actingRole()) >= rank(required) ? null : required;
        apply(new ResolutionProposedEvent(id, sealer(vault).seal(command.summary()), compensation, approver,
                command.by(), command.at()));
        BusinessHours hours = policy.businessHours(centre);
        respondFirst(command.at(), hours, deadlines);
        if (approver == null) {
            offerResolution(command.at(), hours, deadlines);
        }
    }

    @CommandHandler
    void handle(ApproveResolutionCommand command, ComplaintPolicy policy, DeadlineManager deadlines) {
        requireActive(command.at());
        requireMayDecide(command.actingRole());
        apply(new ResolutionApprovedEvent(id, command.by(), command.at()));
        offerResolution(command.at(), policy.businessHours(centre), deadlines);
    }

    @CommandHandler
    void handle(RejectResolutionCommand command, PersonalDataVault vault) {
        requireActive(command.at());
        requireMayDecide(command.actingRole());
        apply(new ResolutionRejectedEvent(id, sealer(vault).seal(command.reason()), command.by(), command.at()));
    }

    @CommandHandler
    void handle(RecordCustomerAnswerCommand command, ComplaintPolicy policy, DeadlineManager deadlines,
                PersonalDataVault vault) {
        requireActive(command.at());
        if (status == ComplaintStatus.AWAITING_APPROVAL) {
            throw new DomainException(ErrorCode.RESOLUTION_PENDING_APPROVAL,
                    "the customer may not be told before the resolution is approved");
        }
        if (status != ComplaintStatus.RESOLVED) {
            throw new DomainException(ErrorCode.NO_RESOLUTION_OFFERED, "the customer has not been told a resolution");
        }
        if (command.satisfied()) {
            apply(new ComplaintClosedEvent(id, sealer(vault).seal(command.comment()), command.by(), command.at()));
            apply(new FollowUpCallScheduledEvent(id, command.at().plus(policy.followUpAfter()), command.at()));
            return;
        }
        apply(new ComplaintReopenedEvent(id, sealer(vault).seal(command.comment()), reopenCount + 1, command.by(),
                command.at()));
        Duration target = policy.target(centre, severity, SlaClock.RESOLUTION);
        Instant due = policy.businessHours(centre).plus(command.at(), target);
        apply(new SlaClockStartedEvent(id, SlaClock.RESOLUTION, target, due, command.at()));
        schedule(centre, SlaClock.RESOLUTION, due, deadlines);
    }

    @CommandHandler
    void handle(PauseComplaintCommand command, ComplaintPolicy policy, DeadlineManager deadlines,
                PersonalDataVault vault) {
        requireActive(command.at());
        if (status == ComplaintStatus.WAITING_ON_CUSTOMER) {
            throw new DomainException(ErrorCode.COMPLAINT_PAUSED, "the complaint already waits on the customer");
        }
        if (status != ComplaintStatus.OPEN && status != ComplaintStatus.IN_PROGRESS) {
            throw new DomainException(ErrorCode.COMPLAINT_CANNOT_PAUSE,
                    "only a complaint being handled can wait on the customer");
        }
        BusinessHours hours = policy.businessHours(centre);
        // asking the customer for something is responding to them
        respondFirst(command.at(), hours, deadlines);
        long used = clocks.get(SlaClock.RESOLUTION).usedSecondsAt(command.at(), hours);
        apply(new ComplaintPausedEvent(id, sealer(vault).seal(command.reason()), used, command.by(), command.at()));
        deadlines.cancelAllWithinScope(RESOLUTION_DEADLINE);
    }

    @CommandHandler
    void handle(ResumeComplaintCommand command, ComplaintPolicy policy, DeadlineManager deadlines) {
        requireActive(command.at());
        if (status != ComplaintStatus.WAITING_ON_CUSTOMER) {
            throw new DomainException(ErrorCode.COMPLAINT_NOT_PAUSED, "the complaint does not wait on the customer");
        }
        SlaClockState resolution = clocks.get(SlaClock.RESOLUTION);
        Instant due = resolution.breached() ? null
                : resolution.dueIfRunningFrom(command.at(), policy.businessHours(centre));
        apply(new ComplaintResumedEvent(id, due, command.by(), command.at()));
        if (due != null) {
            schedule(centre, SlaClock.RESOLUTION, due, deadlines);
        }
    }

    @CommandHandler
    void handle(RecordFollowUpCallCommand command, PersonalDataVault vault) {
        if (status == ComplaintStatus.WITHDRAWN) {
            throw new DomainException(ErrorCode.COMPLAINT_WITHDRAWN, "the complaint was withdrawn");
        }
        if (status != ComplaintStatus.CLOSED) {
            throw new DomainException(ErrorCode.COMPLAINT_NOT_CLOSED, "a follow-up call comes after closing");
        }
        if (followUpRecorded) {
            throw new DomainException(ErrorCode.FOLLOW_UP_ALREADY_RECORDED, "the follow-up call was already recorded");
        }
        requireNotBeforeFiling(command.at());
        Boolean satisfied = command.reached() ? command.satisfied() : null;
        apply(new FollowUpCallRecordedEvent(id, command.reached(), satisfied, sealer(vault).seal(command.notes()),
                command.by(), command.at()));
    }

    @CommandHandler
    void handle(WithdrawComplaintCommand command, DeadlineManager deadlines, PersonalDataVault vault) {
        requireActive(command.at());
        apply(new ComplaintWithdrawnEvent(id, sealer(vault).seal(command.reason()), command.by(), command.at()));
        deadlines.cancelAllWithinScope(FIRST_RESPONSE_DEADLINE);
        deadlines.cancelAllWithinScope(RESOLUTION_DEADLINE);
    }

    @DeadlineHandler(deadlineName = FIRST_RESPONSE_DEADLINE)
    void firstResponseDue(SlaDeadline deadline) {
        breach(deadline);
    }

    @DeadlineHandler(deadlineName = RESOLUTION_DEADLINE)
    void resolutionDue(SlaDeadline deadline) {
        breach(deadline);
    }

    /**
     * A deadline that is no longer the clock's current one (the clock was paused, retargeted, stopped, or the
     * complaint finished) changes nothing: it is the fact of a missed target, not a request anyone made.
     */
    private void breach(SlaDeadline deadline) {
        SlaClockState clock = clocks.get(deadline.clock());
        if (status.isFinished() || clock == null || !clock.isDue(deadline.dueAt())) {
            return;
        }
        apply(new SlaBreachedEvent(id, deadline.clock(), level, deadline.dueAt()));
        if (!level.isTop()) {
            apply(new ComplaintEscalatedEvent(id, level, level.next(), EscalationReason.SLA_BREACH, null, null,
                    deadline.dueAt()));
        }
    }

    // ---------------------------------------------------------------- personal data

    private Sealer sealer(PersonalDataVault vault) {
        return new Sealer(vault, id, customerMember);
    }

    /**
     * Seals the complaint's personal values with its customer's key: the member's when the complaint names one, so
     * erasing the member makes their complaints unreadable too; else a key of the complaint's own.
     */
    private record Sealer(PersonalDataVault vault, ComplaintId complaint, MemberId member) {

        Sealed seal(String plaintext) {
            return member != null ? vault.seal(member, plaintext) : vault.seal(complaint, plaintext);
        }
    }

    // ---------------------------------------------------------------- clocks

    /** The first triage, note, proposed resolution or question to the customer is the first response. */
    private void respondFirst(Instant at, BusinessHours hours, DeadlineManager deadlines) {
        SlaClockState clock = clocks.get(SlaClock.FIRST_RESPONSE);
        if (clock.stopped()) {
            return;
        }
        apply(new SlaClockStoppedEvent(id, SlaClock.FIRST_RESPONSE, clock.usedSecondsAt(at, hours),
                clock.breached(), at));
        deadlines.cancelAllWithinScope(FIRST_RESPONSE_DEADLINE);
    }

    /** The customer is told the resolution: the resolution clock stops. */
    private void offerResolution(Instant at, BusinessHours hours, DeadlineManager deadlines) {
        SlaClockState clock = clocks.get(SlaClock.RESOLUTION);
        apply(new SlaClockStoppedEvent(id, SlaClock.RESOLUTION, clock.usedSecondsAt(at, hours), clock.breached(),
                at));
        deadlines.cancelAllWithinScope(RESOLUTION_DEADLINE);
    }

    /** A new severity brings new targets to the clocks still counting; the time already used stays used. */
    private void retarget(Severity newSeverity, Instant at, ComplaintPolicy policy, BusinessHours hours,
                          DeadlineManager deadlines) {
        for (SlaClock clock : SlaClock.values()) {
            SlaClockState state = clocks.get(clock);
            if (state.stopped()) {
                continue;
            }
            Duration target = policy.target(centre, newSeverity, clock);
            SlaClockState retargeted = state.retargeted(target, null);
            Instant due = state.running() && !state.breached() ? retargeted.dueIfRunningFrom(at, hours) : null;
            apply(new SlaClockRetargetedEvent(id, clock, target, due, at));
            deadlines.cancelAllWithinScope(deadlineName(clock));
            if (due != null) {
                schedule(centre, clock, due, deadlines);
            }
        }
    }

    /**
     * A deadline message carries only its own metadata (the {@code system} user and the centre). Built with an
     * explicit identifier, it does not inherit the scheduling command's user, roles, request and address, which would
     * make a breach hours later look like that person's doing in the audit trail.
     */
    private static void schedule(CentreId centre, SlaClock clock, Instant due, DeadlineManager deadlines) {
        MetaData metaData = MetaData.with(MetaDataKeys.USER, SYSTEM_USER).and(MetaDataKeys.CENTRE, centre.value());
        deadlines.schedule(due, deadlineName(clock), new GenericMessage<>(
                IdentifierFactory.getInstance().generateIdentifier(), new SlaDeadline(clock, due), metaData));
    }

    private static String deadlineName(SlaClock clock) {
        return clock == SlaClock.FIRST_RESPONSE ? FIRST_RESPONSE_DEADLINE : RESOLUTION_DEADLINE;
    }

    // ---------------------------------------------------------------- rules

    private void requireActive(Instant at) {
        if (status == ComplaintStatus.CLOSED) {
            throw new DomainException(ErrorCode.COMPLAINT_CLOSED, "the complaint is closed");
        }
        if (status == ComplaintStatus.WITHDRAWN) {
            throw new DomainException(ErrorCode.COMPLAINT_WITHDRAWN, "the complaint was withdrawn");
        }
        requireNotBeforeFiling(at);
    }

    private void requireNotBeforeFiling(Instant at) {
        if (at.isBefore(filedAt)) {
            throw new DomainException(ErrorCode.TIME_BEFORE_FILING, "this cannot happen before the complaint came in",
                    "at");
        }
    }

    /** A resolution can be proposed while the complaint is handled, not while it waits on someone. */
    private void requireHandling() {
        switch (status) {
            case WAITING_ON_CUSTOMER -> throw new DomainException(ErrorCode.COMPLAINT_PAUSED,
                    "the complaint waits on the customer; resume it first");
            case AWAITING_APPROVAL -> throw new DomainException(ErrorCode.RESOLUTION_PENDING_APPROVAL,
                    "a resolution already waits for approval");
            case RESOLVED -> throw new DomainException(ErrorCode.RESOLUTION_ALREADY_OFFERED,
                    "the customer was told a resolution; record their answer first");
            default -> {
            }
        }
    }

    private void requireMayDecide(Role actingRole) {
        if (status != ComplaintStatus.AWAITING_APPROVAL) {
            throw new DomainException(ErrorCode.NO_RESOLUTION_PENDING_APPROVAL, "no resolution waits for approval");
        }
        if (rank(actingRole) < rank(approvalRequiredFrom)) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE,
                    "only a " + approvalRequiredFrom.name().toLowerCase() + " may decide on this resolution");
        }
    }

    /** Once a complaint is a supervisor's or a manager's, their level decides its resolution. */
    private Role approverForLevel() {
        return switch (level) {
            case HANDLER -> null;
            case SUPERVISOR -> Role.SUPERVISOR;
            case MANAGER -> Role.MANAGER;
        };
    }

    /** Supervisors approve small compensation; above the limit only a manager may. */
    private static Role approverForCompensation(Compensation compensation, ComplaintPolicy policy) {
        if (compensation == null) {
            return null;
        }
        return compensation.exceeds(policy.approvalLimitMinor()) ? Role.MANAGER : Role.SUPERVISOR;
    }

    private static Role higher(Role a, Role b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(Role role) {
        if (role == null) {
            return 0;
        }
        return switch (role) {
            case RECEPTIONIST -> 1;
            case SUPERVISOR -> 2;
            case MANAGER -> 3;
            default -> 0;
        };
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(ComplaintFiledEvent event) {
        id = event.complaintId();
        centre = event.centre();
        customerMember = event.customer() == null ? null : event.customer().memberId();
        filedAt = event.at();
        severity = event.severity();
        level = EscalationLevel.HANDLER;
        status = ComplaintStatus.OPEN;
    }

    @EventSourcingHandler
    void on(SlaClockStartedEvent event) {
        clocks.put(event.clock(), SlaClockState.started(event.target(), event.at(), event.dueAt()));
    }

    @EventSourcingHandler
    void on(SlaClockRetargetedEvent event) {
        clocks.computeIfPresent(event.clock(), (clock, state) -> state.retargeted(event.target(), event.dueAt()));
    }

    @EventSourcingHandler
    void on(SlaClockStoppedEvent event) {
        clocks.computeIfPresent(event.clock(), (clock, state) -> state.stoppedAt(event.businessSeconds()));
        if (event.clock() == SlaClock.FIRST_RESPONSE && status == ComplaintStatus.OPEN) {
            status = ComplaintStatus.IN_PROGRESS;
        }
    }

    @EventSourcingHandler
    void on(SlaBreachedEvent event) {
        clocks.computeIfPresent(event.clock(), (clock, state) -> state.breach());
    }

    @EventSourcingHandler
    void on(ComplaintTriagedEvent event) {
        nature = event.nature();
        department = event.department();
        severity = event.severity();
    }

    @EventSourcingHandler
    void on(ComplaintAssignedEvent event) {
        handler = event.handler();
    }

    @EventSourcingHandler
    void on(ComplaintEscalatedEvent event) {
        level = event.to();
    }

    @EventSourcingHandler
    void on(ResolutionProposedEvent event) {
        approvalRequiredFrom = event.approvalRequiredFrom();
        status = approvalRequiredFrom == null ? ComplaintStatus.RESOLVED : ComplaintStatus.AWAITING_APPROVAL;
    }

    @EventSourcingHandler
    void on(ResolutionApprovedEvent event) {
        approvalRequiredFrom = null;
        status = ComplaintStatus.RESOLVED;
    }

    @EventSourcingHandler
    void on(ResolutionRejectedEvent event) {
        approvalRequiredFrom = null;
        status = ComplaintStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(ComplaintClosedEvent event) {
        status = ComplaintStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ComplaintReopenedEvent event) {
        reopenCount = event.reopenCount();
        status = ComplaintStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(ComplaintPausedEvent event) {
        clocks.computeIfPresent(SlaClock.RESOLUTION,
                (clock, state) -> state.paused(event.resolutionBusinessSeconds()));
        status = ComplaintStatus.WAITING_ON_CUSTOMER;
    }

    @EventSourcingHandler
    void on(ComplaintResumedEvent event) {
        clocks.computeIfPresent(SlaClock.RESOLUTION,
                (clock, state) -> state.resumed(event.at(), event.resolutionDueAt()));
        status = ComplaintStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(FollowUpCallRecordedEvent event) {
        followUpRecorded = true;
    }

    @EventSourcingHandler
    void on(ComplaintWithdrawnEvent event) {
        status = ComplaintStatus.WITHDRAWN;
    }
}
