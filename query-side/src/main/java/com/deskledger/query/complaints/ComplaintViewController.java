package com.deskledger.query.complaints;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.complaint.ComplaintCategory;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.ComplaintStatus;
import com.deskledger.kernel.complaint.Severity;
import com.deskledger.kernel.complaint.SlaState;
import com.deskledger.kernel.complaint.query.ComplaintDetail;
import com.deskledger.kernel.complaint.query.ComplaintKpis;
import com.deskledger.kernel.complaint.query.ComplaintPage;
import com.deskledger.kernel.complaint.query.ComplaintSort;
import com.deskledger.kernel.complaint.query.FindComplaintKpisQuery;
import com.deskledger.kernel.complaint.query.FindComplaintQuery;
import com.deskledger.kernel.complaint.query.FindComplaintsQuery;
import com.deskledger.query.web.ProjectionPositions;
import com.deskledger.query.web.ViewResponses;
import com.deskledger.query.web.QueryParams;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static com.deskledger.query.web.PersonalDataRule.revealsPersonalData;

/**
 * The complaints view: the case list, one case with its timeline, and the KPIs. {@code position} (from a command's
 * answer) makes a query wait, at most a couple of seconds, until the view has that event; the header
 * {@code X-DeskLedger-Consistent} says whether it has.
 */
@RestController
@RequestMapping("/api/views/complaints")
@Tag(name = "Complaints view", description = "Case list, case timeline and complaint KPIs")
class ComplaintViewController {

    static final String CONSISTENT_HEADER = ViewResponses.CONSISTENT_HEADER;
    static final int DEFAULT_KPI_DAYS = 30;
    static final int MAX_KPI_DAYS = 366;
    private static final Map<String, ComplaintSort> SORTS = Map.of(
            "filedat", ComplaintSort.FILED_AT, "updatedat", ComplaintSort.UPDATED_AT,
            "severity", ComplaintSort.SEVERITY, "status", ComplaintSort.STATUS, "level", ComplaintSort.LEVEL,
            "category", ComplaintSort.CATEGORY, "handler", ComplaintSort.HANDLER,
            "resolutiondueat", ComplaintSort.RESOLUTION_DUE_AT, "age", ComplaintSort.FILED_AT);

    private final QueryGateway queries;
    private final ProjectionPositions positions;
    private final CentreCatalog centres;
    private final Clock clock;

    ComplaintViewController(QueryGateway queries, ProjectionPositions positions, CentreCatalog centres,
                            Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.centres = centres;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "A centre's complaints, filtered, sorted and paged",
            description = "sort: filedAt (default, newest first), updatedAt, age, severity, status, level, category, "
                    + "handler or resolutionDueAt, with ',asc' or ',desc'. handler=- lists unassigned complaints. "
                    + "minAge/maxAge are ISO durations (PT4H, P2D) since filing.")
    ResponseEntity<ComplaintPage> list(@RequestParam(required = false) CentreId centre,
                                       @RequestParam(required = false) ComplaintStatus status,
                                       @RequestParam(required = false) Severity severity,
                                       @RequestParam(required = false) ComplaintCategory category,
                                       @RequestParam(required = false) String department,
                                       @RequestParam(required = false) String handler,
                                       @RequestParam(required = false) Duration minAge,
                                       @RequestParam(required = false) Duration maxAge,
                                       @Parameter(description = "ON_TRACK, PAUSED or BREACHED")
                                       @RequestParam(required = false) SlaState sla,
                                       @RequestParam(defaultValue = "filedAt,desc") String sort,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size,
                                       @RequestParam(required = false) Long position,
                                       @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        QueryParams.requirePaging(page, size);
        if (minAge != null && maxAge != null && minAge.compareTo(maxAge) > 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "minAge cannot be more than maxAge", "minAge");
        }
        String[] sorting = sort.split(",", 2);
        ComplaintSort by = SORTS.get(sorting[0].trim().toLowerCase(Locale.ROOT));
        if (by == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "cannot sort by that", "sort");
        }
        boolean descending = descending(sorting.length > 1 ? sorting[1] : "desc");
        // "age" ascending means youngest first, which is filing time descending
        if (sorting[0].trim().equalsIgnoreCase("age")) {
            descending = !descending;
        }
        boolean consistent = awaited(position);
        ComplaintPage rows = queries.query(new FindComplaintsQuery(target, status, severity, category,
                blankToNull(department), blankToNull(handler), minAge, maxAge, sla, clock.instant(), by, descending,
                page, size, revealsPersonalData(actor)), ComplaintPage.class).join();
        return ViewResponses.ok(consistent, rows);
    }

    @GetMapping("/kpis")
    @Operation(summary = "Complaint KPIs of one centre over the complaints filed in a date range",
            description = "from/to are the centre's days, inclusive (default: the last 30 days). Times are business "
                    + "seconds; rates are shares from 0 to 1; compensation is exact, in minor units per currency.")
    ResponseEntity<ComplaintKpis> kpis(@RequestParam(required = false) CentreId centre,
                                       @RequestParam(required = false)
                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false)
                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @RequestParam(required = false) Long position,
                                       @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(centres.zoneOf(target)));
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_KPI_DAYS - 1);
        if (first.isAfter(last)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "from cannot be after to", "from");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_KPI_DAYS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a range covers at most " + MAX_KPI_DAYS + " days",
                    "from");
        }
        boolean consistent = awaited(position);
        ComplaintKpis kpis = queries.query(new FindComplaintKpisQuery(target, first, last), ComplaintKpis.class)
                .join();
        return ViewResponses.ok(consistent, kpis);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One complaint with its resolutions and timeline")
    ResponseEntity<ComplaintDetail> detail(@PathVariable String id,
                                           @RequestParam(required = false) Long position,
                                           @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ComplaintId complaint;
        try {
            complaint = ComplaintId.of(id);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such complaint");
        }
        boolean consistent = awaited(position);
        Optional<ComplaintDetail> found = queries.query(new FindComplaintQuery(complaint, revealsPersonalData(actor)),
                ResponseTypes.optionalInstanceOf(ComplaintDetail.class)).join();
        ComplaintDetail detail = found.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such complaint"));
        actor.requireCentre(CentreId.of(detail.complaint().centre()));
        return ViewResponses.ok(consistent, detail);
    }

    private boolean awaited(Long position) {
        return position == null || positions.await(ComplaintProjection.PROCESSING_GROUP, position);
    }

    private static boolean descending(String direction) {
        return switch (direction.trim().toLowerCase(Locale.ROOT)) {
            case "desc" -> true;
            case "asc" -> false;
            default -> throw new DomainException(ErrorCode.VALIDATION_FAILED, "sort direction is asc or desc", "sort");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
