package com.deskledger.query.sales;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.member.query.FindPendingRefundsQuery;
import com.deskledger.kernel.member.query.FindRevenueQuery;
import com.deskledger.kernel.member.query.FindSalesSummaryQuery;
import com.deskledger.kernel.member.query.PendingRefundPage;
import com.deskledger.kernel.member.query.RevenueBreakdown;
import com.deskledger.kernel.member.query.RevenueGrouping;
import com.deskledger.kernel.member.query.SalesSummary;
import com.deskledger.query.web.ProjectionPositions;
import com.deskledger.query.web.ViewResponses;
import com.deskledger.query.web.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The sales view: revenue, refunds, renewals, conversions and outstanding credits of one centre. Periods are whole
 * days in the centre's time zone, {@code from} and {@code to} included (default: today); amounts are in the
 * centre's currency unless {@code currency} names another. No personal data is shown here.
 */
@RestController
@RequestMapping("/api/views/sales")
@Tag(name = "Sales view", description = "Revenue, refunds, renewals, conversion, outstanding credits")
class SalesController {

    static final String CONSISTENT_HEADER = ViewResponses.CONSISTENT_HEADER;
    static final long MAX_DAYS = 3660;

    private final QueryGateway queries;
    private final ProjectionPositions positions;
    private final CentreCatalog centres;
    private final Clock clock;

    SalesController(QueryGateway queries, ProjectionPositions positions, CentreCatalog centres, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.centres = centres;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Sales figures of one centre over a period")
    ResponseEntity<SalesSummary> summary(@RequestParam(required = false) CentreId centre,
                                         @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(required = false) String currency,
                                         @Parameter(description = "wait until the view has this event position")
                                         @RequestParam(required = false) Long position,
                                         @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        LocalDate first = from != null ? from : today(target);
        LocalDate last = to != null ? to : first;
        requirePeriod(first, last);
        boolean consistent = awaited(position);
        SalesSummary summary = queries.query(new FindSalesSummaryQuery(target, first, last,
                currency(currency, target)), SalesSummary.class).join();
        return ViewResponses.ok(consistent, summary);
    }

    @GetMapping("/revenue")
    @Operation(summary = "Revenue and refunds by day, week, month, item (plan or product), staff or payment method")
    ResponseEntity<RevenueBreakdown> revenue(@RequestParam(required = false) CentreId centre,
                                             @RequestParam(required = false)
                                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                             @RequestParam(required = false)
                                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                             @Parameter(description = "day, week, month, item, staff, payment-method")
                                             @RequestParam(defaultValue = "day") String by,
                                             @RequestParam(required = false) String currency,
                                             @RequestParam(required = false) Long position,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        LocalDate first = from != null ? from : today(target);
        LocalDate last = to != null ? to : first;
        requirePeriod(first, last);
        RevenueGrouping grouping = grouping(by);
        boolean consistent = awaited(position);
        RevenueBreakdown rows = queries.query(new FindRevenueQuery(target, first, last, currency(currency, target),
                grouping), RevenueBreakdown.class).join();
        return ViewResponses.ok(consistent, rows);
    }

    @GetMapping("/pending-refunds")
    @Operation(summary = "Refunds waiting for a manager's approval, oldest first")
    ResponseEntity<PendingRefundPage> pendingRefunds(@RequestParam(required = false) CentreId centre,
                                                     @RequestParam(defaultValue = "0") int page,
                                                     @RequestParam(defaultValue = "50") int size,
                                                     @RequestParam(required = false) Long position,
                                                     @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        QueryParams.requirePaging(page, size);
        boolean consistent = awaited(position);
        PendingRefundPage rows = queries.query(new FindPendingRefundsQuery(target, page, size),
                PendingRefundPage.class).join();
        return ViewResponses.ok(consistent, rows);
    }

    private boolean awaited(Long position) {
        return position == null || positions.await(SalesProjection.PROCESSING_GROUP, position);
    }

    private LocalDate today(CentreId centre) {
        return LocalDate.now(clock.withZone(centres.zoneOf(centre)));
    }

    private String currency(String asked, CentreId centre) {
        if (asked == null) {
            return centres.currencyOf(centre);
        }
        if (!asked.matches("[A-Z]{3}")) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "currency is an ISO 4217 code", "currency");
        }
        return asked;
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "to is before from", "to");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "at most ten years at once", "to");
        }
    }

    private static RevenueGrouping grouping(String by) {
        try {
            return RevenueGrouping.valueOf(by.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "by is day, week, month, item, staff or payment-method", "by");
        }
    }
}
