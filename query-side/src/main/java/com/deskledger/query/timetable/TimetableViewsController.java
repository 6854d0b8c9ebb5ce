package com.deskledger.query.timetable;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.query.FindMemberBookingsQuery;
import com.deskledger.kernel.timetable.query.FindRoomWeekQuery;
import com.deskledger.kernel.timetable.query.FindTemplateStatsQuery;
import com.deskledger.kernel.timetable.query.FindTimetableDayQuery;
import com.deskledger.kernel.timetable.query.MemberBookings;
import com.deskledger.kernel.timetable.query.RoomWeek;
import com.deskledger.kernel.timetable.query.TemplateStats;
import com.deskledger.kernel.timetable.query.TimetableDay;
import com.deskledger.query.web.ProjectionPositions;
import com.deskledger.query.web.ViewResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The timetable views: today's (or a day's) timetable of a centre with rooms, teachers and roster figures, a room
 * calendar for a week, a member's upcoming bookings, and per class template the occupancy, waitlist demand and
 * no-show rate for the manager's dashboard. {@code position} waits (at most a couple of seconds) for an event.
 */
@RestController
@Tag(name = "Timetable views", description = "Timetable of a day, room calendar, a member's bookings, template figures")
class TimetableViewsController {

    private final QueryGateway queries;
    private final ProjectionPositions positions;
    private final CentreCatalog centres;
    private final Clock clock;

    TimetableViewsController(QueryGateway queries, ProjectionPositions positions, CentreCatalog centres, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.centres = centres;
        this.clock = clock;
    }

    @GetMapping("/api/views/timetable")
    @Operation(summary = "A centre's sessions of one day (default today): room, teacher, places, booked, waiting, "
            + "present, walk-ins, leave, no-show, the teacher's head-count and whether it differs")
    ResponseEntity<TimetableDay> day(@RequestParam(required = false) CentreId centre,
                                     @RequestParam(required = false)
                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                     @Parameter(description = "wait until the view has this event position")
                                     @RequestParam(required = false) Long position,
                                     @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        boolean consistent = awaited(position);
        return ViewResponses.ok(consistent, queries.query(new FindTimetableDayQuery(target, dayOrToday(date, target)),
                TimetableDay.class).join());
    }

    @GetMapping("/api/views/timetable/rooms")
    @Operation(summary = "The room calendar: every room's sessions over the seven days from `from` (default today)")
    ResponseEntity<RoomWeek> rooms(@RequestParam(required = false) CentreId centre,
                                   @RequestParam(required = false)
                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) Long position,
                                   @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        boolean consistent = awaited(position);
        return ViewResponses.ok(consistent, queries.query(new FindRoomWeekQuery(target, dayOrToday(from, target)),
                RoomWeek.class).join());
    }

    @GetMapping("/api/views/timetable/members/{id}/bookings")
    @Operation(summary = "A member's upcoming places in sessions of the asker's centres: booked, waiting (with "
            + "the position on the waitlist) or present")
    ResponseEntity<MemberBookings> bookings(@PathVariable String id, @RequestParam(required = false) Long position,
                                            @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        MemberId member;
        try {
            member = MemberId.of(id);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such member");
        }
        boolean consistent = awaited(position);
        return ViewResponses.ok(consistent, queries.query(new FindMemberBookingsQuery(member, actor.centres(),
                clock.instant()), ResponseTypes.instanceOf(MemberBookings.class)).join());
    }

    @GetMapping("/api/views/timetable/templates")
    @Operation(summary = "Per class template over the sessions that ended between from and to (default the last "
            + "30 days): occupancy (booked / places), waitlist demand, no-show rate, head-count mismatches")
    ResponseEntity<TemplateStats> templates(@RequestParam(required = false) CentreId centre,
                                            @RequestParam(required = false) Instant from,
                                            @RequestParam(required = false) Instant to,
                                            @RequestParam(required = false) Long position,
                                            @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "from must be before to", "from");
        }
        if (Duration.between(start, end).toDays() > 366) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "at most 366 days at a time", "to");
        }
        boolean consistent = awaited(position);
        return ViewResponses.ok(consistent, queries.query(new FindTemplateStatsQuery(target, start, end),
                TemplateStats.class).join());
    }

    private boolean awaited(Long position) {
        return position == null || positions.await(TimetableProjection.PROCESSING_GROUP, position);
    }

    private LocalDate dayOrToday(LocalDate date, CentreId centre) {
        return date != null ? date : LocalDate.now(clock.withZone(centres.zoneOf(centre)));
    }
}
