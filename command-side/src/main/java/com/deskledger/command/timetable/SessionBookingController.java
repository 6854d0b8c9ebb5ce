package com.deskledger.command.timetable;

import com.deskledger.command.directory.AggregateDirectory;
import com.deskledger.command.web.CommandAccepted;
import com.deskledger.command.web.CommandAnswer;
import com.deskledger.command.web.CommandResponses;
import com.deskledger.command.web.CommandSender;
import com.deskledger.kernel.Actor;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.TimeWindows;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import com.deskledger.kernel.timetable.session.command.BookSessionCommand;
import com.deskledger.kernel.timetable.session.command.CancelBookingCommand;
import com.deskledger.kernel.timetable.session.command.CheckInToSessionCommand;
import com.deskledger.kernel.timetable.session.command.RecordSessionHeadCountCommand;
import com.deskledger.kernel.timetable.session.command.RecordSessionLeaveCommand;
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

import static com.deskledger.command.web.CommandResponses.ok;

/**
 * The desk's work on a session of the timetable (RECEPTIONIST and above): bookings and the waitlist, check-in,
 * leave and the teacher's head-count. An unknown session is 404, a cancelled one 422 {@code SESSION_CANCELLED};
 * the member must be one of the session's centre.
 */
@RestController
@RequestMapping("/api/timetable/sessions/{id}")
@Tag(name = "Timetable", description = "Rooms, weekly class templates and sessions: add, move, substitute, cancel")
class SessionBookingController {

    private static final String MEMBER_TYPE = "MemberAccount";

    private final CommandSender sender;
    private final Clock clock;
    private final RoomCalendar calendar;
    private final AggregateDirectory directory;
    private final TimeWindows windows;

    SessionBookingController(CommandSender sender, Clock clock, RoomCalendar calendar, AggregateDirectory directory,
                             TimeWindows windows) {
        this.sender = sender;
        this.clock = clock;
        this.calendar = calendar;
        this.directory = directory;
        this.windows = windows;
    }

    /** A booking made: {@code status} {@code BOOKED}, or {@code WAITLISTED} when the session was full. */
    record Booked(String id, long position, String status) {
    }

    @PostMapping("/bookings")
    @Operation(summary = "Book a member into the session; a full session puts them on its waitlist (status "
            + "WAITLISTED). Holds the session's credit: 422 NO_CREDITS_LEFT, NO_ACTIVE_PACKAGE, ALREADY_BOOKED")
    ResponseEntity<Booked> book(@PathVariable String id, @Valid @RequestBody TimetableRequests.MemberRef request,
                                @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        RoomCalendar.Booking session = session(id, actor);
        MemberId member = member(request.memberId(), session);
        CommandAnswer<String> answer = sender.ask(new BookSessionCommand(session.sessionId(), member, actor.user(),
                clock.instant()), id);
        return ResponseEntity.created(URI.create("/api/timetable/sessions/" + id + "/bookings/" + member.value()))
                .header(CommandResponses.POSITION_HEADER, Long.toString(answer.position()))
                .body(new Booked(id, answer.position(), answer.answer()));
    }

    @PostMapping("/bookings/{memberId}/cancellation")
    @Operation(summary = "Cancel a booking or a place on the waitlist before the start; the first member waiting "
            + "gets the place; the credit is released")
    ResponseEntity<CommandAccepted> cancel(@PathVariable String id, @PathVariable String memberId,
                                           @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        RoomCalendar.Booking session = session(id, actor);
        MemberId member = member(memberId, session);
        return ok(sender.send(new CancelBookingCommand(session.sessionId(), member, "CANCELLED", actor.user(),
                clock.instant()), id));
    }

    @PostMapping("/check-ins")
    @Operation(summary = "Check a member in: booked, or a walk-in while places are left (422 SESSION_FULL); "
            + "consumes the session's credit from the member's account")
    ResponseEntity<CommandAccepted> checkIn(@PathVariable String id, @Valid @RequestBody TimetableRequests.MemberRef request,
                                            @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        RoomCalendar.Booking session = session(id, actor);
        MemberId member = member(request.memberId(), session);
        Instant now = clock.instant();
        windows.classSession().check(session.start(), now, "id");
        return ok(sender.send(new CheckInToSessionCommand(session.sessionId(), member, actor.user(), now), id));
    }

    @PostMapping("/leaves")
    @Operation(summary = "A booked member takes leave (请假) before the start; the centre's late-leave policy "
            + "applies; the first member waiting is promoted")
    ResponseEntity<CommandAccepted> leave(@PathVariable String id, @Valid @RequestBody TimetableRequests.MemberRef request,
                                          @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        RoomCalendar.Booking session = session(id, actor);
        MemberId member = member(request.memberId(), session);
        return ok(sender.send(new RecordSessionLeaveCommand(session.sessionId(), member, actor.user(),
                clock.instant()), id));
    }

    @PostMapping("/head-counts")
    @Operation(summary = "The teacher's head-count, reconciled against the session's roster (mismatch when it "
            + "differs from the members present)")
    ResponseEntity<CommandAccepted> headCount(@PathVariable String id, @Valid @RequestBody TimetableRequests.HeadCount request,
                                              @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        RoomCalendar.Booking session = session(id, actor);
        Instant now = clock.instant();
        windows.classSession().check(session.start(), now, "id");
        return ok(sender.send(new RecordSessionHeadCountCommand(session.sessionId(), request.count(),
                request.teacher(), actor.user(), now), id));
    }

    private RoomCalendar.Booking session(String raw, Actor actor) {
        SessionId id = TimetableController.sessionId(raw);
        RoomCalendar.Booking session = calendar.booking(id)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such session"));
        actor.requireCentre(session.centre());
        return session;
    }

    /** A member of the session's centre; any other id is as unknown as a made-up one. */
    private MemberId member(String raw, RoomCalendar.Booking session) {
        MemberId member;
        try {
            member = MemberId.of(raw);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such member", "memberId");
        }
        directory.centreOf(member.value(), MEMBER_TYPE).filter(session.centre()::equals)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such member", "memberId"));
        return member;
    }
}
