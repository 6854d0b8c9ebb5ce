package com.deskledger.command.member;

import com.deskledger.command.directory.AggregateDirectory;
import com.deskledger.command.stock.StockSales;
import com.deskledger.command.web.CommandAccepted;
import com.deskledger.command.web.CommandResponses;
import com.deskledger.command.web.CommandAnswer;
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
import com.deskledger.kernel.member.AttendanceStatus;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PackageKind;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.RefundId;
import com.deskledger.kernel.member.RefundStatus;
import com.deskledger.kernel.member.command.ApproveRefundCommand;
import com.deskledger.kernel.member.command.ChangeContactDetailsCommand;
import com.deskledger.kernel.member.command.CheckInCommand;
import com.deskledger.kernel.member.command.EnrolMemberCommand;
import com.deskledger.kernel.member.command.EraseMemberCommand;
import com.deskledger.kernel.member.command.FreezeMemberCommand;
import com.deskledger.kernel.member.command.LineQuantity;
import com.deskledger.kernel.member.command.ProductLine;
import com.deskledger.kernel.member.command.PurchasePackageCommand;
import com.deskledger.kernel.member.command.RecordNoShowCommand;
import com.deskledger.kernel.member.command.RefundPurchaseCommand;
import com.deskledger.kernel.member.command.RejectRefundCommand;
import com.deskledger.kernel.member.command.RenewPackageCommand;
import com.deskledger.kernel.member.command.RequestLeaveCommand;
import com.deskledger.kernel.member.command.SellProductsCommand;
import com.deskledger.kernel.member.command.UnfreezeMemberCommand;
import com.deskledger.kernel.visit.VisitId;
import com.deskledger.kernel.visit.command.LinkMemberCommand;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;


/**
 * Commands on member accounts. The time of every event is the server's clock, never the client's: the seven-day
 * refund rule and late leaves depend on it. Every answer carries the appended event's position.
 */
@RestController
@RequestMapping("/api/members")
@Tag(name = "Members", description = "MemberAccount commands: enrolment, packages, sales, refunds, attendance")
class MemberController {

    static final String POSITION_HEADER = CommandResponses.POSITION_HEADER;
    static final String AGGREGATE_TYPE = "MemberAccount";
    private static final String VISIT_TYPE = "VisitorSession";

    private final CommandSender sender;
    private final AggregateDirectory directory;
    private final MemberIdentities identities;
    private final CentreCatalog centres;
    private final MoneyLimits limits;
    private final TimeWindows windows;
    private final Clock clock;
    private final StockSales stock;

    MemberController(CommandSender sender, AggregateDirectory directory, MemberIdentities identities,
                     CentreCatalog centres, MoneyLimits limits, TimeWindows windows, Clock clock, StockSales stock) {
        this.stock = stock;
        this.sender = sender;
        this.directory = directory;
        this.identities = identities;
        this.centres = centres;
        this.limits = limits;
        this.windows = windows;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Enrol a member; a named visit is linked to the new member as a conversion")
    ResponseEntity<Map<String, Object>> enrol(@Valid @RequestBody MemberRequests.Enrol request,
                                              @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId centre = actor.centreOrOnly(request.centre());
        VisitId visit = request.visitId() == null ? null : visitIn(request.visitId(), centre);
        MemberIdentities.Identity identity = identities.identify(request.name(), request.idNumber(),
                request.guardianPhone(), request.phone());
        identities.holder(centre, identity).ifPresent(existing -> {
            throw new DomainException(ErrorCode.MEMBER_ALREADY_ENROLLED,
                    "already enrolled in this centre as member " + existing);
        });
        MemberId id = MemberId.random();
        Instant at = clock.instant();
        CommandAccepted accepted = sender.send(new EnrolMemberCommand(id, centre, request.kind(), request.name(),
                request.idNumber(), request.guardianName(), request.guardianPhone(), request.phone(),
                request.email(), visit, centres.currencyOf(centre), actor.user(), at), id.value());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.value());
        long position = accepted.position();
        if (visit != null) {
            try {
                position = sender.send(new LinkMemberCommand(visit, id, true, at), visit.value()).position();
                body.put("visitLinked", true);
            } catch (RuntimeException refused) {
                // the member is enrolled either way; the enrolment itself names the visit for conversion figures
                DomainException reason = domainCause(refused).orElseThrow(() -> refused);
                body.put("visitLinked", false);
                body.put("visitLinkRefused", reason.code().name());
            }
        }
        body.put("position", position);
        return ResponseEntity.created(URI.create("/api/members/" + id.value()))
                .header(POSITION_HEADER, Long.toString(position)).body(body);
    }

    @PostMapping("/{id}/packages")
    @Operation(summary = "Buy a package: a credit pack or a time membership; a member's later packages are renewals")
    ResponseEntity<Map<String, Object>> buyPackage(@PathVariable String id,
                                                   @Valid @RequestBody MemberRequests.Package request,
                                                   @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        MemberId member = member(id);
        CentreId centre = centreOf(member);
        ZoneId zone = centres.zoneOf(centre);
        Instant validFrom = null;
        Instant validUntil = null;
        if (request.kind() == PackageKind.TIME_MEMBERSHIP || request.validFrom() != null
                || request.validUntil() != null || request.days() != null) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            LocalDate from = request.validFrom() != null ? request.validFrom() : today;
            windows.packageValidity().check(from, today, "validFrom");
            if (request.validUntil() != null) {
                windows.packageValidity().check(request.validUntil(), today, "validUntil");
            }
            LocalDate endExclusive = endOf(from, request.validUntil(), request.days());
            validFrom = from.atStartOfDay(zone).toInstant();
            validUntil = endExclusive == null ? null : endExclusive.atStartOfDay(zone).toInstant();
        }
        PurchaseId purchase = PurchaseId.random();
        CommandAnswer<Boolean> answer = sender.ask(new PurchasePackageCommand(member, purchase, request.plan(),
                request.kind(), request.credits(), validFrom, validUntil, money(request.price(), centre, "price"),
                request.paymentMethod(), request.invoiceNumber(), actor.user(), clock.instant()), member.value());
        Map<String, Object> body = body(answer.accepted());
        body.put("purchaseId", purchase.value());
        body.put("renewal", Boolean.TRUE.equals(answer.answer()));
        return created(member, "/purchases/" + purchase.value(), answer.position(), body);
    }

    @PostMapping("/{id}/renewals")
    @Operation(summary = "Renew (续约) a package: the same plan again; a membership continues where it ends")
    ResponseEntity<Map<String, Object>> renew(@PathVariable String id,
                                              @Valid @RequestBody MemberRequests.Renewal request,
                                              @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        MemberId member = member(id);
        CentreId centre = centreOf(member);
        PurchaseId purchase = PurchaseId.random();
        CommandAccepted accepted = sender.send(new RenewPackageCommand(member, purchase,
                purchaseId(request.purchaseId()), money(request.price(), centre, "price"), request.paymentMethod(),
                request.invoiceNumber(), centres.zoneOf(centre), actor.user(), clock.instant()), member.value());
        Map<String, Object> body = body(accepted);
        body.put("purchaseId", purchase.value());
        body.put("renewal", true);
        return created(member, "/purchases/" + purchase.value(), accepted.position(), body);
    }

    @PostMapping("/{id}/sales")
    @Operation(summary = "Sell products at the desk (toys, birthday parties, merchandise), with line items")
    ResponseEntity<Map<String, Object>> sell(@PathVariable String id, @Valid @RequestBody MemberRequests.Sale request,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        MemberId member = member(id);
        CentreId centre = centreOf(member);
        List<ProductLine> lines = new java.util.ArrayList<>();
        Money total = null;
        for (int i = 0; i < request.lines().size(); i++) {
            MemberRequests.Line line = request.lines().get(i);
            String field = "lines[" + i + "]";
            Money unitPrice = money(line.unitPrice(), centre, field + ".unitPrice");
            // per line and per total, the same maximum as for every amount
            Money lineTotal = limits.check(unitPrice.times(line.quantity()), field);
            total = limits.check(total == null ? lineTotal : total.plus(lineTotal), "lines");
            lines.add(new ProductLine(line.productCode(), line.description(), line.category(), line.quantity(),
                    unitPrice));
        }
        PurchaseId purchase = PurchaseId.random();
        // lines naming a product of the centre's catalogue draw its stock down first (see StockSales)
        List<StockSales.Line> stockLines = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            stockLines.add(new StockSales.Line(lines.get(i).productCode(), lines.get(i).quantity(),
                    lines.get(i).unitPrice(), "lines[" + i + "]"));
        }
        StockSales.Drawn drawn = stock.drawDown(centre, purchase, member, stockLines, request.paymentMethod(),
                actor.user(), false);
        CommandAccepted accepted;
        try {
            accepted = sender.send(new SellProductsCommand(member, purchase, lines, request.paymentMethod(),
                    request.invoiceNumber(), actor.user(), clock.instant()), member.value());
        } catch (RuntimeException refused) {
            stock.giveBack(purchase, drawn.products(), actor.user());
            throw refused;
        }
        Map<String, Object> body = body(accepted);
        body.put("purchaseId", purchase.value());
        return created(member, "/purchases/" + purchase.value(), accepted.position(), body);
    }

    @PostMapping("/{id}/refunds")
    @Operation(summary = "Refund a purchase: within 7 days without reason; later with a reason and a manager's "
            + "approval (given at once when a manager asks)")
    ResponseEntity<Map<String, Object>> refund(@PathVariable String id,
                                               @Valid @RequestBody MemberRequests.Refund request,
                                               @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        MemberId member = member(id);
        CentreId centre = centreOf(member);
        List<LineQuantity> lines = request.lines() == null ? List.of()
                : request.lines().stream().map(l -> new LineQuantity(l.line(), l.quantity())).toList();
        RefundId refund = RefundId.random();
        CommandAnswer<RefundStatus> answer = sender.ask(new RefundPurchaseCommand(member, refund,
                purchaseId(request.purchaseId()),
                request.amount() == null ? null : money(request.amount(), centre, "amount"),
                lines, request.reason(), actor.user(), actor.has(Role.MANAGER), clock.instant()), member.value());
        long position = answer.position();
        if (answer.answer() == RefundStatus.REFUNDED) {
            position = Math.max(position, stock.returnRefunded(member, centre, refund, position, actor.user()));
        }
        Map<String, Object> body = body(new CommandAccepted(answer.id(), position));
        body.put("refundId", refund.value());
        body.put("status", answer.answer());
        return created(member, "/refunds/" + refund.value(), position, body);
    }

    @PostMapping("/{id}/refunds/{refundId}/approval")
    @Operation(summary = "A manager approves a refund waiting for approval")
    ResponseEntity<CommandAccepted> approveRefund(@PathVariable String id, @PathVariable String refundId,
                                                  @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireManager(actor, "only a manager approves a refund after seven days");
        MemberId member = member(id);
        RefundId refund = refundId(refundId);
        CommandAccepted accepted = sender.send(new ApproveRefundCommand(member, refund, actor.user(),
                clock.instant()), member.value());
        long returned = stock.returnRefunded(member, centreOf(member), refund, accepted.position(), actor.user());
        return ok(new CommandAccepted(accepted.id(), Math.max(accepted.position(), returned)));
    }

    @PostMapping("/{id}/refunds/{refundId}/rejection")
    @Operation(summary = "A manager turns down a refund waiting for approval")
    ResponseEntity<CommandAccepted> rejectRefund(@PathVariable String id, @PathVariable String refundId,
                                                 @Valid @RequestBody(required = false) MemberRequests.Decision request,
                                                 @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireManager(actor, "only a manager turns down a refund");
        MemberId member = member(id);
        return ok(sender.send(new RejectRefundCommand(member, refundId(refundId), actor.user(),
                request == null ? null : request.reason(), clock.instant()), member.value()));
    }

    @PostMapping("/{id}/check-ins")
    @Operation(summary = "Check in to a class session: needs an active package, consumes a credit of a credit pack",
            deprecated = true, description = "Free-form class code, kept for existing clients; check in against a "
            + "session of the timetable instead: POST /api/timetable/sessions/{id}/check-ins")
    ResponseEntity<Map<String, Object>> checkIn(@PathVariable String id,
                                                @Valid @RequestBody MemberRequests.Session request,
                                                @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        MemberId member = member(id);
        Instant now = clock.instant();
        CommandAnswer<Integer> answer = sender.ask(new CheckInCommand(member, session(request.classCode(),
                request.scheduledStart(), request.room(), now), actor.user(), now), member.value());
        Map<String, Object> body = body(answer.accepted());
        body.put("creditsLeft", answer.answer());
        return ok(answer.position(), body);
    }

    @PostMapping("/{id}/leaves")
    @Operation(summary = "Ask leave (请假) from a class session; a late one follows the centre's credit policy",
            deprecated = true, description = "Free-form class code, kept for existing clients; use "
            + "POST /api/timetable/sessions/{id}/leaves")
    ResponseEntity<Map<String, Object>> leave(@PathVariable String id,
                                              @Valid @RequestBody MemberRequests.Leave request,
                                              @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        MemberId member = member(id);
        CentreId centre = centreOf(member);
        Instant now = clock.instant();
        CommandAnswer<AttendanceStatus> answer = sender.ask(new RequestLeaveCommand(member,
                session(request.classCode(), request.scheduledStart(), request.room(), now), request.reason(),
                centres.attendancePolicyOf(centre), actor.user(), now), member.value());
        Map<String, Object> body = body(answer.accepted());
        body.put("status", answer.answer());
        return ok(answer.position(), body);
    }

    @PostMapping("/{id}/no-shows")
    @Operation(summary = "After a class started: the member neither came nor asked leave", deprecated = true,
            description = "Free-form class code, kept for existing clients; a session of the timetable records its "
            + "no-shows by itself after the end")
    ResponseEntity<CommandAccepted> noShow(@PathVariable String id, @Valid @RequestBody MemberRequests.Session request,
                                           @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        MemberId member = member(id);
        CentreId centre = centreOf(member);
        Instant now = clock.instant();
        return ok(sender.send(new RecordNoShowCommand(member, session(request.classCode(), request.scheduledStart(),
                request.room(), now), centres.attendancePolicyOf(centre), actor.user(), now), member.value()));
    }

    @PostMapping("/{id}/freeze")
    @Operation(summary = "Freeze the member (停卡): no check-in until unfrozen")
    ResponseEntity<CommandAccepted> freeze(@PathVariable String id,
                                           @Valid @RequestBody(required = false) MemberRequests.Freeze request,
                                           @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        MemberId member = member(id);
        return ok(sender.send(new FreezeMemberCommand(member, request == null ? null : request.reason(),
                actor.user(), clock.instant()), member.value()));
    }

    @PostMapping("/{id}/unfreeze")
    @Operation(summary = "Unfreeze: running time memberships are extended by the frozen days")
    ResponseEntity<CommandAccepted> unfreeze(@PathVariable String id,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        MemberId member = member(id);
        return ok(sender.send(new UnfreezeMemberCommand(member, actor.user(), clock.instant()), member.value()));
    }

    @PostMapping("/{id}/contact")
    @Operation(summary = "Change contact details; fields left out stay as they were")
    ResponseEntity<CommandAccepted> changeContact(@PathVariable String id,
                                                  @Valid @RequestBody MemberRequests.Contact request,
                                                  @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        MemberId member = member(id);
        identities.holderAfterChange(member, request.phone(), request.guardianPhone()).ifPresent(other -> {
            throw new DomainException(ErrorCode.MEMBER_ALREADY_ENROLLED,
                    "the new phone would make this member the same person as member " + other);
        });
        return ok(sender.send(new ChangeContactDetailsCommand(member, request.phone(), request.email(),
                request.guardianName(), request.guardianPhone(), actor.user(), clock.instant()), member.value()));
    }

    @PostMapping("/{id}/erasure")
    @Operation(summary = "Erase the member's personal data (managers only): the history and figures stay")
    ResponseEntity<CommandAccepted> erase(@PathVariable String id,
                                          @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireManager(actor, "only a manager erases a member's personal data");
        MemberId member = member(id);
        return ok(sender.send(new EraseMemberCommand(member, actor.user(), clock.instant()), member.value()));
    }

    // ---------------------------------------------------------------- helpers

    /** A member id the directory knows as a MemberAccount (so a visit's id never reaches this aggregate). */
    private MemberId member(String raw) {
        MemberId member = parse(() -> MemberId.of(raw), "no such member");
        if (directory.centreOf(member.value(), AGGREGATE_TYPE).isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such member");
        }
        return member;
    }

    private CentreId centreOf(MemberId member) {
        return directory.centreOf(member.value(), AGGREGATE_TYPE)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such member"));
    }

    private VisitId visitIn(String raw, CentreId centre) {
        VisitId visit = parse(() -> VisitId.of(raw), "no such visit");
        CentreId visitCentre = directory.centreOf(visit.value(), VISIT_TYPE)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such visit", "visitId"));
        if (!visitCentre.equals(centre)) {
            throw new DomainException(ErrorCode.VISIT_IN_OTHER_CENTRE, "the visit belongs to another centre",
                    "visitId");
        }
        return visit;
    }

    private static LocalDate endOf(LocalDate from, LocalDate lastDay, Integer days) {
        if (lastDay != null && days != null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "give validUntil or days, not both", "days");
        }
        if (lastDay != null) {
            return lastDay.plusDays(1);
        }
        return days == null ? null : from.plusDays(days);
    }

    /**
     * An amount as the desk may take it: in a currency the centre accepts (the member's own is checked by the
     * aggregate) and at most the configured maximum.
     */
    private Money money(MemberRequests.Amount amount, CentreId centre, String field) {
        String currency = amount.currency() != null ? amount.currency() : centres.currencyOf(centre);
        if (!centres.acceptedCurrencies(centre).contains(currency)) {
            throw new DomainException(ErrorCode.CURRENCY_NOT_ACCEPTED, "this centre does not take that currency",
                    field + ".currency");
        }
        return limits.check(Money.of(amount.minor(), currency), field + ".minor");
    }

    /** A class session within the attendance window in the past and the class horizon ahead. */
    private ClassSession session(String classCode, Instant scheduledStart, String room, Instant now) {
        windows.classSession().check(scheduledStart, now, "scheduledStart");
        return new ClassSession(classCode.strip(), scheduledStart, room);
    }

    private static PurchaseId purchaseId(String raw) {
        try {
            return PurchaseId.of(raw);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.PURCHASE_NOT_FOUND, "no such purchase", "purchaseId");
        }
    }

    private static RefundId refundId(String raw) {
        try {
            return RefundId.of(raw);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.REFUND_NOT_FOUND, "no such refund");
        }
    }

    private static void requireManager(Actor actor, String message) {
        if (!actor.has(Role.MANAGER)) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, message);
        }
    }

    private static Optional<DomainException> domainCause(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return Optional.of(domain);
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> body(CommandAccepted accepted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", accepted.id());
        body.put("position", accepted.position());
        return body;
    }

    private static ResponseEntity<Map<String, Object>> created(MemberId member, String path, long position,
                                                               Map<String, Object> body) {
        return ResponseEntity.created(URI.create("/api/members/" + member.value() + path))
                .header(POSITION_HEADER, Long.toString(position)).body(body);
    }

    private static ResponseEntity<CommandAccepted> ok(CommandAccepted accepted) {
        return CommandResponses.ok(accepted);
    }

    private static ResponseEntity<Map<String, Object>> ok(long position, Map<String, Object> body) {
        return ResponseEntity.ok().header(POSITION_HEADER, Long.toString(position)).body(body);
    }

    private static <T> T parse(Supplier<T> parser, String message) {
        try {
            return parser.get();
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.NOT_FOUND, message);
        }
    }
}
