package com.deskledger.query.stock;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.query.FindMovementsQuery;
import com.deskledger.kernel.stock.query.FindOpenRequestsQuery;
import com.deskledger.kernel.stock.query.FindShrinkageQuery;
import com.deskledger.kernel.stock.query.FindStockQuery;
import com.deskledger.kernel.stock.query.OpenRequests;
import com.deskledger.kernel.stock.query.Shrinkage;
import com.deskledger.kernel.stock.query.StockMovements;
import com.deskledger.kernel.stock.query.StockOnHand;
import com.deskledger.kernel.stock.query.StockRow;
import com.deskledger.query.reports.Csv;
import com.deskledger.query.web.ProjectionPositions;
import com.deskledger.query.web.ViewResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The stock views: stock on hand per product with its value at cost (JSON or CSV), products at or below their reorder
 * level (the manager's list), a product's movements, a month's shrinkage and a stocktake sheet to count on paper.
 * {@code position} waits, at most a couple of seconds, until the view holds that event.
 */
@RestController
@Tag(name = "Stock views", description = "Stock on hand, reorder list, movements, shrinkage, stocktake sheet")
class StockViewController {

    static final String CSV = "text/csv";

    private final QueryGateway queries;
    private final ProjectionPositions positions;
    private final CentreCatalog centres;
    private final Clock clock;

    StockViewController(QueryGateway queries, ProjectionPositions positions, CentreCatalog centres, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.centres = centres;
        this.clock = clock;
    }

    @GetMapping(path = "/api/views/stock", produces = "application/json")
    @Operation(summary = "Stock on hand per product of a centre, with back-orders, goods in transit to other "
            + "centres and the value at average cost")
    ResponseEntity<StockOnHand> stock(@RequestParam(required = false) CentreId centre,
                                      @Parameter(description = "wait until the view has this event position")
                                      @RequestParam(required = false) Long position,
                                      @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        return onHand(centre, false, position, actor);
    }

    @GetMapping(path = "/api/views/stock", produces = CSV)
    @Operation(summary = "Stock on hand as CSV (UTF-8 with BOM): one product a row")
    ResponseEntity<byte[]> stockCsv(@RequestParam(required = false) CentreId centre,
                                    @RequestParam(required = false) Long position,
                                    @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ResponseEntity<StockOnHand> json = onHand(centre, false, position, actor);
        Csv csv = new Csv().row(List.of("centre", "code", "name", "category", "use", "active", "on_hand",
                "back_ordered", "in_transit_out", "reorder_level", "below_reorder_level", "unit_price_minor",
                "average_cost_minor", "value_at_cost_minor", "currency"));
        for (StockRow r : json.getBody().products()) {
            csv.row(java.util.Arrays.asList(json.getBody().centre().value(), r.code(), r.name(), r.category(),
                    r.use(), r.active(), r.onHand(), r.backOrdered(), r.inTransitOut(), r.reorderLevel(),
                    r.belowReorderLevel(), r.unitPriceMinor(), r.averageCostMinor(), r.valueAtCostMinor(),
                    r.currency()));
        }
        return csv(json, csv, "stock-" + json.getBody().centre().value() + ".csv");
    }

    @GetMapping("/api/views/stock/below-reorder-level")
    @Operation(summary = "Active products whose stock on hand is at or below their reorder level (the manager's "
            + "reorder list)")
    ResponseEntity<StockOnHand> belowReorder(@RequestParam(required = false) CentreId centre,
                                             @RequestParam(required = false) Long position,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        return onHand(centre, true, position, actor);
    }

    @GetMapping(path = "/api/views/stock/stocktake-sheet", produces = CSV)
    @Operation(summary = "A stocktake sheet to count on paper (CSV): every active product with an empty count "
            + "column; the ledger's figure is left off so that the count is blind")
    ResponseEntity<byte[]> stocktakeSheet(@RequestParam(required = false) CentreId centre,
                                          @RequestParam(required = false) Long position,
                                          @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ResponseEntity<StockOnHand> json = onHand(centre, false, position, actor);
        Csv csv = new Csv().row(List.of("centre", "product_id", "code", "name", "category", "counted", "reason"));
        for (StockRow r : json.getBody().products()) {
            if (r.active()) {
                csv.row(List.of(json.getBody().centre().value(), r.productId().value(), r.code(), r.name(),
                        r.category(), "", ""));
            }
        }
        return csv(json, csv, "stocktake-" + json.getBody().centre().value() + ".csv");
    }

    @GetMapping("/api/views/stock/products/{id}/movements")
    @Operation(summary = "Every movement of one product, oldest first, with who did what")
    ResponseEntity<StockMovements> movements(@PathVariable String id,
                                             @RequestParam(required = false) Long position,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ProductId product;
        try {
            product = ProductId.of(id);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such product");
        }
        boolean consistent = awaited(position);
        StockMovements movements = queries.query(new FindMovementsQuery(product), StockMovements.class).join();
        if (movements == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such product");
        }
        actor.requireCentre(movements.centre());
        return ViewResponses.ok(consistent, movements);
    }

    @GetMapping("/api/views/stock/requests")
    @Operation(summary = "What waits: purchase requests not yet approved or fully received, stocktake adjustments "
            + "waiting for a supervisor")
    ResponseEntity<OpenRequests> requests(@RequestParam(required = false) CentreId centre,
                                          @RequestParam(required = false) Long position,
                                          @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        boolean consistent = awaited(position);
        return ViewResponses.ok(consistent, queries.query(new FindOpenRequestsQuery(target), OpenRequests.class)
                .join());
    }

    @GetMapping("/api/views/stock/shrinkage")
    @Operation(summary = "Stocktake adjustments of a month (default this month, the centre's time zone): units and "
            + "value at cost lost (shrinkage) and found (surplus), per product")
    ResponseEntity<Shrinkage> shrinkage(@RequestParam(required = false) CentreId centre,
                                        @RequestParam(required = false) String month,
                                        @RequestParam(required = false) Long position,
                                        @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        ZoneId zone = centres.zoneOf(target);
        YearMonth asked;
        try {
            asked = month == null || month.isBlank() ? YearMonth.now(clock.withZone(zone)) : YearMonth.parse(month);
        } catch (DateTimeParseException malformed) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "month must look like 2026-11", "month");
        }
        boolean consistent = awaited(position);
        Shrinkage shrinkage = queries.query(new FindShrinkageQuery(target, asked,
                asked.atDay(1).atStartOfDay(zone).toInstant(),
                asked.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()), Shrinkage.class).join();
        return ViewResponses.ok(consistent, shrinkage);
    }

    private ResponseEntity<StockOnHand> onHand(CentreId centre, boolean belowReorder, Long position, Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        boolean consistent = awaited(position);
        StockOnHand stock = queries.query(new FindStockQuery(target, belowReorder), StockOnHand.class).join();
        return ViewResponses.ok(consistent, stock);
    }

    private boolean awaited(Long position) {
        return position == null || positions.await(StockProjection.PROCESSING_GROUP, position);
    }

    private static ResponseEntity<byte[]> csv(ResponseEntity<?> json, Csv csv, String fileName) {
        return ResponseEntity.ok()
                .header(ViewResponses.CONSISTENT_HEADER, json.getHeaders().getFirst(ViewResponses.CONSISTENT_HEADER))
                .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(csv.bytes());
    }
}
