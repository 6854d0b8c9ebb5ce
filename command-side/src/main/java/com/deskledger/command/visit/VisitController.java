package com.deskledger.command.visit;

import com.deskledger.command.web.CommandAccepted;
import com.deskledger.command.web.CommandResponses;
import com.deskledger.command.web.CommandSender;
import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.TimeWindows;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.visit.MessageId;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.deskledger.command.web.CommandResponses.ok;

/** Commands on visits and calls at the desk. Every answer carries the appended event's position. */
@RestController
@RequestMapping("/api/visits")
@Tag(name = "Visits and calls", description = "VisitorSession commands")
class VisitController {

    static final String POSITION_HEADER = CommandResponses.POSITION_HEADER;

    private final CommandSender sender;
    private final TimeWindows windows;
    private final Clock clock;

    VisitController(CommandSender sender, TimeWindows windows, Clock clock) {
        this.sender = sender;
        this.windows = windows;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "A visitor walks in or a call is answered")
    ResponseEntity<CommandAccepted> start(@Valid @RequestBody VisitRequests.Start request,
                                          @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId centre = actor.centreOrOnly(request.centre());
        VisitId id = VisitId.random();
        Instant now = clock.instant();
        Instant arrivedAt = request.arrivedAt() != null
                ? windows.visitArrival().check(request.arrivedAt(), now, "arrivedAt") : now;
        CommandAccepted accepted = sender.send(new StartVisitCommand(id, centre, request.channel(),
                request.purpose(), actor.user(), request.rings(), arrivedAt), id.value());
        return ResponseEntity.created(URI.create("/api/visits/" + id.value()))
                .header(POSITION_HEADER, Long.toString(accepted.position())).body(accepted);
    }

    @PostMapping("/{id}/registration")
    @Operation(summary = "Record the visitor's registration form")
    ResponseEntity<CommandAccepted> register(@PathVariable String id,
                                             @Valid @RequestBody VisitRequests.Registration request) {
        VisitId visit = visitId(id);
        return ok(sender.send(new RecordRegistrationCommand(visit, request.visitorName(), request.phone(),
                request.needs(), request.referralSource(), clock.instant()), visit.value()));
    }

    @PostMapping("/{id}/consultant")
    @Operation(summary = "Assign a consultant")
    ResponseEntity<CommandAccepted> assign(@PathVariable String id,
                                           @Valid @RequestBody VisitRequests.Consultant request) {
        VisitId visit = visitId(id);
        return ok(sender.send(new AssignConsultantCommand(visit, StaffId.of(request.consultant()), clock.instant()),
                visit.value()));
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "Transfer a call to a colleague (calls only)")
    ResponseEntity<CommandAccepted> transfer(@PathVariable String id,
                                             @Valid @RequestBody VisitRequests.Transfer request) {
        VisitId visit = visitId(id);
        return ok(sender.send(new TransferCallCommand(visit, StaffId.of(request.to()), request.reason(),
                clock.instant()), visit.value()));
    }

    @PostMapping("/{id}/messages")
    @Operation(summary = "Take a message for someone who is absent")
    ResponseEntity<Map<String, Object>> takeMessage(@PathVariable String id,
                                                    @Valid @RequestBody VisitRequests.Message request) {
        VisitId visit = visitId(id);
        MessageId message = MessageId.random();
        CommandAccepted accepted = sender.send(new TakeMessageCommand(visit, message, request.recipient(),
                request.callbackNumber(), request.content(), clock.instant()), visit.value());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", accepted.id());
        body.put("messageId", message.value());
        body.put("position", accepted.position());
        return ResponseEntity.created(URI.create("/api/visits/" + visit.value() + "/messages/" + message.value()))
                .header(POSITION_HEADER, Long.toString(accepted.position())).body(body);
    }

    @PostMapping("/{id}/messages/{messageId}/delivery")
    @Operation(summary = "Mark a message delivered (once)")
    ResponseEntity<CommandAccepted> deliver(@PathVariable String id, @PathVariable String messageId,
                                            @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        VisitId visit = visitId(id);
        MessageId message = parse(() -> MessageId.of(messageId), ErrorCode.MESSAGE_NOT_FOUND, "no such message");
        return ok(sender.send(new DeliverMessageCommand(visit, message, actor.user(), clock.instant()),
                visit.value()));
    }

    @PostMapping("/{id}/member")
    @Operation(summary = "Link the visit to a member; conversion when the member was enrolled from it")
    ResponseEntity<CommandAccepted> linkMember(@PathVariable String id,
                                               @Valid @RequestBody VisitRequests.MemberLink request) {
        VisitId visit = visitId(id);
        return ok(sender.send(new LinkMemberCommand(visit, MemberId.of(request.memberId()), request.conversion(),
                clock.instant()), visit.value()));
    }

    @PostMapping("/{id}/feedback")
    @Operation(summary = "Record the visitor's feedback, 1 to 5")
    ResponseEntity<CommandAccepted> feedback(@PathVariable String id,
                                             @Valid @RequestBody VisitRequests.Feedback request) {
        VisitId visit = visitId(id);
        return ok(sender.send(new RecordFeedbackCommand(visit, request.score(), request.comment(), clock.instant()),
                visit.value()));
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "End the visit with an outcome")
    ResponseEntity<CommandAccepted> end(@PathVariable String id, @Valid @RequestBody VisitRequests.End request) {
        VisitId visit = visitId(id);
        return ok(sender.send(new EndVisitCommand(visit, request.outcome(), clock.instant()), visit.value()));
    }

    private static VisitId visitId(String raw) {
        return parse(() -> VisitId.of(raw), ErrorCode.NOT_FOUND, "no such visit");
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, ErrorCode code, String message) {
        try {
            return parser.get();
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(code, message);
        }
    }
}
