package com.deskledger.query.reports;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.report.query.FindReconciliationQuery;
import com.deskledger.kernel.report.query.Reconciliation;
import com.deskledger.query.web.ProjectionPositions;
import io.swagger.v3.oas.annotations.Operation;
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

/** Head-count reconciliation in the attendance views: the teacher's count of each class session against check-ins. */
@RestController
@Tag(name = "Attendance views", description = "Class attendance and head-count reconciliation")
class ReconciliationController {

    private final QueryGateway queries;
    private final ProjectionPositions positions;
    private final CentreCatalog centres;
    private final Clock clock;

    ReconciliationController(QueryGateway queries, ProjectionPositions positions, CentreCatalog centres,
                             Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.centres = centres;
        this.clock = clock;
    }

    @GetMapping("/api/views/attendance/reconciliation")
    @Operation(summary = "Class sessions of one day: the teacher's head-count against members checked in, "
            + "mismatches flagged")
    ResponseEntity<Reconciliation> reconcile(@RequestParam(required = false) CentreId centre,
                                             @RequestParam(required = false)
                                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                             @RequestParam(required = false) Long position,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        boolean consistent = position == null
                || positions.await("attendance", position) & positions.await("shifts", position);
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(centres.zoneOf(target)));
        Reconciliation result = queries.query(new FindReconciliationQuery(target, day), Reconciliation.class)
                .join();
        return ResponseEntity.ok().header(ReportController.CONSISTENT_HEADER, Boolean.toString(consistent))
                .body(result);
    }
}
