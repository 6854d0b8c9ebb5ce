package com.deskledger.command.timetable;

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
import com.deskledger.kernel.Role;
import com.deskledger.kernel.TimeWindows;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.timetable.Occurrence;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.SessionId;
import com.deskledger.kernel.timetable.SessionKind;
import com.deskledger.kernel.timetable.TemplateId;
import com.deskledger.kernel.timetable.room.command.AddRoomCommand;
import com.deskledger.kernel.timetable.session.command.BookPartyCommand;
import com.deskledger.kernel.timetable.session.command.CancelSessionCommand;
import com.deskledger.kernel.timetable.session.command.MoveSessionCommand;
import com.deskledger.kernel.timetable.session.command.ScheduleSessionCommand;
import com.deskledger.kernel.timetable.session.command.SubstituteTeacherCommand;
import com.deskledger.kernel.timetable.template.command.CreateClassTemplateCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Value;
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
import java.util.List;

import static com.deskledger.command.web.CommandResponses.ok;

/**
 * Commands on the timetable: rooms, weekly class templates and single sessions (classes and events). Supervisors
 * and managers manage rooms and the timetable. A room is never double-booked: the room calendar is checked here
 * for a clear answer and again inside the command's transaction ({@link RoomCalendarGuard}).
 */
@RestController
@RequestMapping("/api/timetable")
@Tag(name = "Timetable", description = "Rooms, weekly class templates and sessions: add, move, substitute, cancel")
class TimetableController {

    private final CommandSender sender;
    private final Clock clock;
    private final RoomCalendar calendar;
    private final CentreCatalog centres;
    private final TimeWindows windows;
    private final int horizonDays;
    private final AggregateDirectory directory;
    private final MoneyLimits limits;

    TimetableController(CommandSender sender, Clock clock, RoomCalendar calendar, CentreCatalog centres,
                        TimeWindows windows, @Value("${deskledger.timetable.horizon-days:28}") int horizonDays,
                        AggregateDirectory directory, MoneyLimits limits) {
        this.directory = directory;
        this.limits = limits;
        this.sender = sender;
        this.clock = clock;
        this.calendar = calendar;
        this.centres = centres;
        this.windows = windows;
        this.horizonDays = horizonDays;
    }

    /** A party booked: the session that holds its room and the guardian's purchase that took the deposit. */
    record PartyBooked(String id, long position, String depositPurchaseId) {
    }

    /** A template made, with the sessions it put on the timetable. */
    record TemplateCreated(String id, long position, List<Occurrence> sessions) {
    }

    @PostMapping("/rooms")
    @Operation(summary = "Add a room to a centre: name (unique in the centre), kind, capacity (supervisors)")
    ResponseEntity<CommandAccepted> addRoom(@Valid @RequestBody TimetableRequests.AddRoom request,
                                            @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "add rooms");
        CentreId centre = actor.centreOrOnly(request.centre());
        String name = request.name().strip();
        calendar.requireNameFree(centre, name);
        RoomId id = RoomId.random();
        CommandAccepted accepted = sender.send(new AddRoomCommand(id, centre, name, request.kind(),
                request.capacity(), actor.user(), clock.instant()), id.value());
        return created("/api/timetable/rooms/" + id.value(), accepted);
    }

    @PostMapping("/templates")
    @Operation(summary = "Make a weekly class template; it puts its sessions on the timetable for the horizon "
            + "(deskledger.timetable.horizon-days) or up to its last day (supervisors); 409 ROOM_DOUBLE_BOOKED")
    ResponseEntity<TemplateCreated> createTemplate(@Valid @RequestBody TimetableRequests.CreateTemplate request,
                                                   @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "make class templates");
        CentreId centre = actor.centreOrOnly(request.centre());
        RoomCalendar.RoomRow room = roomOf(request.room(), centre);
        ZoneId zone = centres.zoneOf(centre);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = request.from() == null ? today : request.from();
        if (from.isBefore(today)) {
            throw new DomainException(ErrorCode.TEMPLATE_INVALID, "a template starts today or later", "from");
        }
        LocalDate horizon = today.plusDays(horizonDays);
        if (from.isAfter(today.plusDays(366))) {
            throw new DomainException(ErrorCode.TIME_OUT_OF_RANGE, "a template starts within a year", "from");
        }
        if (request.until() != null && request.until().isBefore(from)) {
            throw new DomainException(ErrorCode.TEMPLATE_INVALID, "the last day is before the first", "until");
        }
        LocalDate last = request.until() == null || request.until().isAfter(horizon) ? horizon : request.until();
        List<Occurrence> occurrences = WeeklyPattern.occurrences(request.days(), request.start(), request.minutes(),
                from, last, zone, now);
        for (Occurrence occurrence : occurrences) {
            calendar.requireFree(room.roomId(), occurrence.start(), occurrence.end(), null);
        }
        TemplateId id = TemplateId.random();
        CommandAccepted accepted = sender.send(new CreateClassTemplateCommand(id, centre, request.name().strip(),
                request.days(), request.start(), request.minutes(), room.roomId(), room.name(), room.capacity(),
                request.teacher(), request.places(), request.credits(), from, request.until(), occurrences,
                actor.user(), now), id.value());
        return ResponseEntity.created(URI.create("/api/timetable/templates/" + id.value()))
                .header(CommandResponses.POSITION_HEADER, Long.toString(accepted.position()))
                .body(new TemplateCreated(id.value(), accepted.position(), occurrences));
    }

    @PostMapping("/sessions")
    @Operation(summary = "Put a single class or a monthly or theme event on the timetable (supervisors); 409 "
            + "ROOM_DOUBLE_BOOKED")
    ResponseEntity<CommandAccepted> schedule(@Valid @RequestBody TimetableRequests.ScheduleSession request,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "put sessions on the timetable");
        if (request.kind() == SessionKind.PARTY) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a party is booked as a party", "kind");
        }
        CentreId centre = actor.centreOrOnly(request.centre());
        Instant now = clock.instant();
        windows.classSession().check(request.start(), now, "start");
        windows.classSession().check(request.end(), now, "end");
        RoomCalendar.RoomRow room = roomOf(request.room(), centre);
        ClassSession.requireTimes(request.start(), request.end());
        calendar.requireFree(room.roomId(), request.start(), request.end(), null);
        SessionId id = SessionId.random();
        CommandAccepted accepted = sender.send(new ScheduleSessionCommand(id, centre, request.kind(), null,
                request.title().strip(), room.roomId(), room.name(), room.capacity(), request.teacher(),
                request.start(), request.end(), request.places(), request.credits(), actor.user(), now), id.value());
        return created("/api/timetable/sessions/" + id.value(), accepted);
    }

    @PostMapping("/parties")
    @Operation(summary = "Book a room for a birthday party: package, price, deposit (taken now as a sale on the "
            + "guardian's account, refunded like any sale), children, guardian; 409 ROOM_DOUBLE_BOOKED")
    ResponseEntity<PartyBooked> party(@Valid @RequestBody TimetableRequests.Party request,
                                      @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId centre = actor.centreOrOnly(request.centre());
        Instant now = clock.instant();
        windows.classSession().check(request.start(), now, "start");
        windows.classSession().check(request.end(), now, "end");
        RoomCalendar.RoomRow room = roomOf(request.room(), centre);
        MemberId guardian = memberOf(request.guardian(), centre);
        Money price = money(request.price(), centre, "price");
        Money deposit = money(request.deposit(), centre, "deposit");
        ClassSession.requireTimes(request.start(), request.end());
        calendar.requireFree(room.roomId(), request.start(), request.end(), null);
        SessionId id = SessionId.random();
        PurchaseId purchase = PurchaseId.random();
        CommandAccepted accepted = sender.send(new BookPartyCommand(id, centre, room.roomId(), room.name(),
                room.capacity(), request.packageName().strip(), request.start(), request.end(), guardian,
                request.children(), price, deposit, request.paymentMethod(), purchase, actor.user(), now),
                id.value());
        return ResponseEntity.created(URI.create("/api/timetable/sessions/" + id.value()))
                .header(CommandResponses.POSITION_HEADER, Long.toString(accepted.position()))
                .body(new PartyBooked(id.value(), accepted.position(),
                        deposit.minor() == 0 ? null : purchase.value()));
    }

    @PostMapping("/sessions/{id}/move")
    @Operation(summary = "Move a session that has not started to another time and/or room (supervisors)")
    ResponseEntity<CommandAccepted> move(@PathVariable String id, @Valid @RequestBody TimetableRequests.Move request,
                                         @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "move sessions");
        RoomCalendar.Booking booking = bookingOf(id, actor);
        Instant now = clock.instant();
        windows.classSession().check(request.start(), now, "start");
        windows.classSession().check(request.end(), now, "end");
        RoomCalendar.RoomRow room = request.room() == null
                ? calendar.room(booking.room()).orElseThrow()
                : roomOf(request.room(), booking.centre());
        ClassSession.requireTimes(request.start(), request.end());
        if (booking.active()) {
            calendar.requireFree(room.roomId(), request.start(), request.end(), booking.sessionId());
        }
        return ok(sender.send(new MoveSessionCommand(booking.sessionId(), room.roomId(), room.name(),
                room.capacity(), request.start(), request.end(), actor.user(), now), id));
    }

    @PostMapping("/sessions/{id}/substitute")
    @Operation(summary = "Give a session that has not ended a substitute teacher (supervisors)")
    ResponseEntity<CommandAccepted> substitute(@PathVariable String id,
                                               @Valid @RequestBody TimetableRequests.Substitute request,
                                               @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "change teachers");
        SessionId session = sessionId(id);
        return ok(sender.send(new SubstituteTeacherCommand(session, request.teacher().strip(), actor.user(),
                clock.instant()), id));
    }

    @PostMapping("/sessions/{id}/cancellation")
    @Operation(summary = "Cancel a session that has not started; its room time is freed (supervisors)")
    ResponseEntity<CommandAccepted> cancel(@PathVariable String id,
                                           @Valid @RequestBody(required = false) TimetableRequests.Cancel request,
                                           @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "cancel sessions");
        SessionId session = sessionId(id);
        return ok(sender.send(new CancelSessionCommand(session, request == null ? null : request.reason(),
                actor.user(), clock.instant()), id));
    }

    /** A room of the centre; a room of another centre is as unknown as a made-up one. */
    private RoomCalendar.RoomRow roomOf(String raw, CentreId centre) {
        RoomId id;
        try {
            id = RoomId.of(raw);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such room", "room");
        }
        return calendar.room(id).filter(room -> room.centre().equals(centre))
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such room", "room"));
    }

    /** A member of the centre; any other id is as unknown as a made-up one. */
    private MemberId memberOf(String raw, CentreId centre) {
        MemberId member;
        try {
            member = MemberId.of(raw);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such member", "guardian");
        }
        directory.centreOf(member.value(), "MemberAccount").filter(centre::equals)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such member", "guardian"));
        return member;
    }

    /** Money the centre takes, within the limit per amount (the members' rules). */
    private Money money(TimetableRequests.Amount amount, CentreId centre, String field) {
        String currency = amount.currency() != null ? amount.currency() : centres.currencyOf(centre);
        if (!centres.acceptedCurrencies(centre).contains(currency)) {
            throw new DomainException(ErrorCode.CURRENCY_NOT_ACCEPTED, "this centre does not take that currency",
                    field + ".currency");
        }
        return limits.check(Money.of(amount.minor(), currency), field + ".minor");
    }

    private RoomCalendar.Booking bookingOf(String raw, Actor actor) {
        RoomCalendar.Booking booking = calendar.booking(sessionId(raw))
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such session"));
        actor.requireCentre(booking.centre());
        return booking;
    }

    static SessionId sessionId(String raw) {
        try {
            return SessionId.of(raw);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such session");
        }
    }

    private static ResponseEntity<CommandAccepted> created(String location, CommandAccepted accepted) {
        return ResponseEntity.created(URI.create(location))
                .header(CommandResponses.POSITION_HEADER, Long.toString(accepted.position())).body(accepted);
    }

    private static void requireSupervisor(Actor actor, String what) {
        if (!actor.has(Role.SUPERVISOR)) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "only a supervisor or manager may " + what);
        }
    }
}
