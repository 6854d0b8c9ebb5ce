package com.deskledger.query.shifts;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.shift.query.FindHeadCountsQuery;
import com.deskledger.kernel.shift.query.FindRosterQuery;
import com.deskledger.kernel.shift.query.FindStaffAttendanceQuery;
import com.deskledger.kernel.shift.query.HeadCounts;
import com.deskledger.kernel.shift.query.Roster;
import com.deskledger.kernel.shift.query.StaffAttendance;
import com.deskledger.query.web.ProjectionPositions;
import com.deskledger.query.web.ViewResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The shift views: the roster of a day, staff attendance over a range of days and the teachers' head-counts.
 * {@code position} (from a command's answer) makes the query wait, at most a couple of seconds, until the views
 * have that event; the header {@code X-DeskLedger-Consistent} says whether they have.
 */
@RestController
@Tag(name = "Shift views", description = "Roster, staff attendance and head-counts")
class ShiftViewsController {

    static final String CONSISTENT_HEADER = ViewResponses.CONSISTENT_HEADER;
    static final long LONGEST_RANGE_DAYS = 366;

    private final QueryGateway queries;
    private final ProjectionPositions positions;
    private final CentreCatalog centres;
    private final Clock clock;

    ShiftViewsController(QueryGateway queries, ProjectionPositions positions, CentreCatalog centres, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.centres = centres;
        this.clock = clock;
    }

    @GetMapping("/api/views/roster")
    @Operation(summary = "Who is on which post on one day, clocked in or not, late or not; hand-over notes")
    ResponseEntity<Roster> roster(@RequestParam(required = false) CentreId centre,
                                  @RequestParam(required = false)
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                  @Parameter(description = "wait until the view has this event position")
                                  @RequestParam(required = false) Long position,
                                  @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        boolean consistent = awaited(position);
        Roster roster = queries.query(new FindRosterQuery(target, dayOrToday(date, target), clock.instant()),
                Roster.class).join();
        return ViewResponses.ok(consistent, roster);
    }

    @GetMapping("/api/views/attendance/staff")
    @Operation(summary = "Per staff member over roster days from..to: shifts worked, lateness, hours, checklist "
            + "completion, corrections")
    ResponseEntity<StaffAttendance> staff(@RequestParam(required = false) CentreId centre,
                                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                          LocalDate from,
                                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                          @RequestParam(required = false) Long position,
                                          @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        if (to.isBefore(from)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "to must not be before from", "to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= LONGEST_RANGE_DAYS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "at most 366 days at a time", "to");
        }
        boolean consistent = awaited(position);
        StaffAttendance attendance = queries.query(new FindStaffAttendanceQuery(target, from, to, clock.instant()),
                StaffAttendance.class).join();
        return ViewResponses.ok(consistent, attendance);
    }

    @GetMapping("/api/views/attendance/headcounts")
    @Operation(summary = "The teachers' head-counts of the class sessions starting on one day")
    ResponseEntity<HeadCounts> headCounts(@RequestParam(required = false) CentreId centre,
                                          @RequestParam(required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                          @RequestParam(required = false) Long position,
                                          @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        boolean consistent = awaited(position);
        HeadCounts counts = queries.query(new FindHeadCountsQuery(target, dayOrToday(date, target)),
                HeadCounts.class).join();
        return ViewResponses.ok(consistent, counts);
    }

    private boolean awaited(Long position) {
        return position == null || positions.await(ShiftProjection.PROCESSING_GROUP, position);
    }

    private LocalDate dayOrToday(LocalDate date, CentreId centre) {
        return date != null ? date : LocalDate.now(clock.withZone(centres.zoneOf(centre)));
    }
}
