package com.deskledger.command.complaint;

import com.deskledger.command.directory.AggregateDirectory;
import com.deskledger.command.web.CommandAccepted;
import com.deskledger.command.web.CommandResponses;
import com.deskledger.command.web.CommandSender;
import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.MoneyLimits;
import com.deskledger.kernel.TimeWindows;
import com.deskledger.kernel.Role;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.Compensation;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.Customer;
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
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.visit.VisitId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import static com.deskledger.command.web.CommandResponses.ok;

/**
 * Commands on complaints. Every answer carries the appended event's position. Assigning, escalating and deciding
 * on a resolution need a supervisor; whether a resolution needs a manager is the complaint's own rule.
 */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints", description = "ComplaintCase commands")
class ComplaintController {

    static final String POSITION_HEADER = CommandResponses.POSITION_HEADER;

    private final CommandSender sender;
    private final AggregateDirectory directory;
    private final CentreCatalog centres;
    private final MoneyLimits limits;
    private final TimeWindows windows;
    private final Clock clock;

    ComplaintController(CommandSender sender, AggregateDirectory directory, CentreCatalog centres,
                        MoneyLimits limits, TimeWindows windows, Clock clock) {
        this.sender = sender;
        this.directory = directory;
        this.centres = centres;
        this.limits = limits;
        this.windows = windows;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "File a complaint (the SLA clocks start when it was received)")
    ResponseEntity<CommandAccepted> file(@Valid @RequestBody ComplaintRequests.File request,
                                         @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId centre = actor.centreOrOnly(request.centre());
        Instant now = clock.instant();
        Instant receivedAt = windows.complaintReceived().check(
                request.receivedAt() != null ? request.receivedAt() : now, now, "receivedAt");
        ComplaintRequests.Customer customer = request.customer();
        MemberId member = customer.memberId() == null || customer.memberId().isBlank() ? null
                : MemberId.of(customer.memberId());
        ComplaintId id = ComplaintId.random();
        CommandAccepted accepted = sender.send(new FileComplaintCommand(id, centre, request.channel(),
                new Customer(member, customer.name(), customer.phone()), request.category(), request.description(),
                request.severity(), visitOf(request.visitId(), centre), actor.user(), receivedAt), id.value());
        return ResponseEntity.created(URI.create("/api/complaints/" + id.value()))
                .header(POSITION_HEADER, Long.toString(accepted.position())).body(accepted);
    }

    @PostMapping("/{id}/triage")
    @Operation(summary = "Judge the complaint's nature, responsible department and severity")
    ResponseEntity<CommandAccepted> triage(@PathVariable String id,
                                           @Valid @RequestBody ComplaintRequests.Triage request,
                                           @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ComplaintId complaint = complaintId(id);
        return ok(sender.send(new TriageComplaintCommand(complaint, request.nature().trim(),
                request.department().trim(), request.severity(), actor.user(), clock.instant()), complaint.value()));
    }

    @PostMapping("/{id}/assignment")
    @Operation(summary = "Give the complaint to a handler (supervisors and managers)")
    ResponseEntity<CommandAccepted> assign(@PathVariable String id,
                                           @Valid @RequestBody ComplaintRequests.Assignment request,
                                           @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "assign complaints");
        ComplaintId complaint = complaintId(id);
        return ok(sender.send(new AssignComplaintCommand(complaint, StaffId.of(request.handler().trim()),
                actor.user(), clock.instant()), complaint.value()));
    }

    @PostMapping("/{id}/escalation")
    @Operation(summary = "Escalate the complaint one level (supervisors and managers)")
    ResponseEntity<CommandAccepted> escalate(@PathVariable String id,
                                             @Valid @RequestBody(required = false) ComplaintRequests.Escalation request,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "escalate complaints");
        ComplaintId complaint = complaintId(id);
        String note = request == null ? null : request.note();
        return ok(sender.send(new EscalateComplaintCommand(complaint, note, actor.user(), clock.instant()),
                complaint.value()));
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Add an investigation note")
    ResponseEntity<CommandAccepted> note(@PathVariable String id, @Valid @RequestBody ComplaintRequests.Note request,
                                         @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ComplaintId complaint = complaintId(id);
        return ok(sender.send(new AddInvestigationNoteCommand(complaint, request.text(), actor.user(),
                clock.instant()), complaint.value()));
    }

    @PostMapping("/{id}/resolution")
    @Operation(summary = "Propose a resolution, optionally with compensation in minor units")
    ResponseEntity<CommandAccepted> propose(@PathVariable String id,
                                            @Valid @RequestBody ComplaintRequests.Resolution request,
                                            @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ComplaintId complaint = complaintId(id);
        ComplaintRequests.Compensation offered = request.compensation();
        if (offered != null) {
            CentreId centre = directory.centreOf(complaint.value())
                    .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such complaint"));
            if (!centres.acceptedCurrencies(centre).contains(offered.currency())) {
                // the code compensation refusals always had (clients match on it)
                throw new DomainException(ErrorCode.COMPENSATION_CURRENCY_MISMATCH,
                        "this centre does not take that currency", "compensation.currency");
            }
            limits.check(Money.of(offered.amountMinor(), offered.currency()), "compensation.amountMinor");
        }
        Compensation compensation = offered == null ? null : parse(
                () -> new Compensation(offered.type(), offered.amountMinor(), offered.currency()),
                ErrorCode.COMPENSATION_INVALID, "compensation must be a positive amount in a known currency",
                "compensation");
        return ok(sender.send(new ProposeResolutionCommand(complaint, request.summary(), compensation,
                actingRole(actor), actor.user(), clock.instant()), complaint.value()));
    }

    @PostMapping("/{id}/resolution/approval")
    @Operation(summary = "Approve the pending resolution: the customer may be told (supervisors; managers above "
            + "the compensation limit)")
    ResponseEntity<CommandAccepted> approve(@PathVariable String id,
                                            @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "approve resolutions");
        ComplaintId complaint = complaintId(id);
        return ok(sender.send(new ApproveResolutionCommand(complaint, actingRole(actor), actor.user(),
                clock.instant()), complaint.value()));
    }

    @PostMapping("/{id}/resolution/rejection")
    @Operation(summary = "Turn the pending resolution down (supervisors; managers above the compensation limit)")
    ResponseEntity<CommandAccepted> reject(@PathVariable String id,
                                           @Valid @RequestBody ComplaintRequests.Rejection request,
                                           @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "reject resolutions");
        ComplaintId complaint = complaintId(id);
        return ok(sender.send(new RejectResolutionCommand(complaint, request.reason(), actingRole(actor),
                actor.user(), clock.instant()), complaint.value()));
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "Record the customer's answer: satisfied closes, not satisfied reopens")
    ResponseEntity<CommandAccepted> answer(@PathVariable String id,
                                           @Valid @RequestBody ComplaintRequests.Answer request,
                                           @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ComplaintId complaint = complaintId(id);
        return ok(sender.send(new RecordCustomerAnswerCommand(complaint, request.satisfied(), request.comment(),
                actor.user(), clock.instant()), complaint.value()));
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Wait on the customer: the SLA clock stops")
    ResponseEntity<CommandAccepted> pause(@PathVariable String id, @Valid @RequestBody ComplaintRequests.Pause request,
                                          @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ComplaintId complaint = complaintId(id);
        return ok(sender.send(new PauseComplaintCommand(complaint, request.reason(), actor.user(), clock.instant()),
                complaint.value()));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "The customer came back: the SLA clock runs again with the time it had left")
    ResponseEntity<CommandAccepted> resume(@PathVariable String id,
                                           @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ComplaintId complaint = complaintId(id);
        return ok(sender.send(new ResumeComplaintCommand(complaint, actor.user(), clock.instant()),
                complaint.value()));
    }

    @PostMapping("/{id}/follow-up")
    @Operation(summary = "Record the follow-up call after closing")
    ResponseEntity<CommandAccepted> followUp(@PathVariable String id,
                                             @Valid @RequestBody ComplaintRequests.FollowUp request,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ComplaintId complaint = complaintId(id);
        return ok(sender.send(new RecordFollowUpCallCommand(complaint, request.reached(), request.satisfied(),
                request.notes(), actor.user(), clock.instant()), complaint.value()));
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "The customer withdraws the complaint")
    ResponseEntity<CommandAccepted> withdraw(@PathVariable String id,
                                             @Valid @RequestBody(required = false) ComplaintRequests.Withdrawal request,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ComplaintId complaint = complaintId(id);
        String reason = request == null ? null : request.reason();
        return ok(sender.send(new WithdrawComplaintCommand(complaint, reason, actor.user(), clock.instant()),
                complaint.value()));
    }

    /** The visit a complaint came from must be one of the same centre. */
    private VisitId visitOf(String raw, CentreId centre) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        VisitId visit = parse(() -> VisitId.of(raw.trim()), ErrorCode.VALIDATION_FAILED, "no such visit", "visitId");
        if (!directory.centreOf(visit.value()).map(centre::equals).orElse(false)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "no such visit at this centre", "visitId");
        }
        return visit;
    }

    private static void requireSupervisor(Actor actor, String what) {
        if (!actor.has(Role.SUPERVISOR)) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "only supervisors and managers may " + what);
        }
    }

    /** The highest desk role the actor has: it decides which resolutions they may settle alone. */
    private static Role actingRole(Actor actor) {
        if (actor.has(Role.MANAGER)) {
            return Role.MANAGER;
        }
        return actor.has(Role.SUPERVISOR) ? Role.SUPERVISOR : Role.RECEPTIONIST;
    }

    private static ComplaintId complaintId(String raw) {
        return parse(() -> ComplaintId.of(raw), ErrorCode.NOT_FOUND, "no such complaint", null);
    }

    private static <T> T parse(Supplier<T> parser, ErrorCode code, String message, String field) {
        try {
            return parser.get();
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(code, message, field);
        }
    }
}
