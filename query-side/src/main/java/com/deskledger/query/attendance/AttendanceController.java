package com.deskledger.query.attendance;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.member.query.AttendanceDay;
import com.deskledger.kernel.member.query.AttendanceDays;
import com.deskledger.kernel.member.query.FindAttendanceDayQuery;
import com.deskledger.kernel.member.query.FindAttendanceDaysQuery;
import com.deskledger.kernel.member.query.FindMemberAttendanceQuery;
import com.deskledger.kernel.member.query.MemberAttendance;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The attendance view: per class session and day of a centre (出勤率 = check-ins over all settled places), and per
 * member. Members are named by id only; their names are in the member view.
 */
@RestController
@RequestMapping("/api/views/attendance")
@Tag(name = "Attendance view", description = "Check-ins, leaves, late leaves, no-shows and attendance rates")
class AttendanceController {

    static final String CONSISTENT_HEADER = ViewResponses.CONSISTENT_HEADER;
    static final long MAX_DAYS = 366;

    private final QueryGateway queries;
    private final ProjectionPositions positions;
    private final CentreCatalog centres;
    private final Clock clock;

    AttendanceController(QueryGateway queries, ProjectionPositions positions, CentreCatalog centres, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.centres = centres;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "One centre's class sessions starting on one day, with totals")
    ResponseEntity<AttendanceDay> day(@RequestParam(required = false) CentreId centre,
                                      @RequestParam(required = false)
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                      @Parameter(description = "wait until the view has this event position")
                                      @RequestParam(required = false) Long position,
                                      @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        boolean consistent = awaited(position);
        AttendanceDay day = queries.query(new FindAttendanceDayQuery(target, date != null ? date : today(target)),
                AttendanceDay.class).join();
        return ViewResponses.ok(consistent, day);
    }

    @GetMapping("/days")
    @Operation(summary = "One centre's attendance per day over a period (both days included)")
    ResponseEntity<AttendanceDays> days(@RequestParam(required = false) CentreId centre,
                                        @RequestParam(required = false)
                                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam(required = false)
                                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                        @RequestParam(required = false) Long position,
                                        @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        LocalDate last = to != null ? to : today(target);
        LocalDate first = from != null ? from : last.minusDays(6);
        if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "from must come before to, at most a year apart",
                    "to");
        }
        boolean consistent = awaited(position);
        AttendanceDays days = queries.query(new FindAttendanceDaysQuery(target, first, last), AttendanceDays.class)
                .join();
        return ViewResponses.ok(consistent, days);
    }

    @GetMapping("/members/{id}")
    @Operation(summary = "One member's class sessions and attendance rate, newest first")
    ResponseEntity<MemberAttendance> member(@PathVariable String id,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            @RequestParam(required = false) Long position,
                                            @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        boolean consistent = awaited(position);
        MemberAttendance attendance = queries.query(new FindMemberAttendanceQuery(id, from, to),
                        ResponseTypes.optionalInstanceOf(MemberAttendance.class)).join()
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such member"));
        actor.requireCentre(CentreId.of(attendance.centre()));
        return ViewResponses.ok(consistent, attendance);
    }

    private boolean awaited(Long position) {
        return position == null || positions.await(AttendanceProjection.PROCESSING_GROUP, position);
    }

    private LocalDate today(CentreId centre) {
        return LocalDate.now(clock.withZone(centres.zoneOf(centre)));
    }
}
