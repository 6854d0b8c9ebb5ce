package com.deskledger.query.stock;

import com.deskledger.kernel.MetaDataKeys;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.stock.MovementKind;
import com.deskledger.kernel.stock.event.DeliveryReceivedEvent;
import com.deskledger.kernel.stock.event.ProductAddedEvent;
import com.deskledger.kernel.stock.event.ProductChangedEvent;
import com.deskledger.kernel.stock.event.PurchaseApprovedEvent;
import com.deskledger.kernel.stock.event.PurchaseRequestedEvent;
import com.deskledger.kernel.stock.event.StockAdjustedEvent;
import com.deskledger.kernel.stock.event.StockIssuedEvent;
import com.deskledger.kernel.stock.event.StockReturnedEvent;
import com.deskledger.kernel.stock.event.StockSaleCancelledEvent;
import com.deskledger.kernel.stock.event.StockSoldEvent;
import com.deskledger.kernel.stock.event.StocktakeCountedEvent;
import com.deskledger.kernel.stock.event.TransferReceivedEvent;
import com.deskledger.kernel.stock.event.TransferSentEvent;
import com.deskledger.query.web.ViewTables;
import com.deskledger.query.web.ViewWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Builds the stock view. A product's row takes the values its latest event carries (stock on hand, back-orders,
 * average cost after the movement), and one product's events reach the view in their order, so nothing depends on
 * the order of other aggregates' commits. Movements are keyed by their event's identifier; a transfer's row is
 * filled by its two ends, in whichever order they arrive, each setting only its own columns. Every write is an
 * upsert or a set of values, so an event applied twice leaves the same rows.
 */
@Component
@ViewTables({"stock_product", "stock_movement", "stock_transfer", "stock_request"})
@ProcessingGroup(StockProjection.PROCESSING_GROUP)
class StockProjection {

    static final String PROCESSING_GROUP = "stock";

    private final JdbcTemplate jdbc;
    private final ViewWrites writes;

    StockProjection(JdbcTemplate jdbc, ViewWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ProductAddedEvent event) {
        writes.update("""
                insert into stock_product (product_id, centre, code, name, category, use, active, unit_price_minor,
                    currency, reorder_level, back_orders, on_hand, back_ordered, average_cost_minor, updated_at)
                values (?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, 0, 0, null, ?)
                on conflict (product_id) do nothing""",
                event.productId().value(), event.centre().value(), event.code().value(), event.name(),
                event.category().name(), event.use().name(), event.unitPrice().minor(), event.unitPrice().currency(),
                event.reorderLevel(), event.backOrders(), ts(event.at()));
    }

    @EventHandler
    void on(ProductChangedEvent event) {
        writes.update("""
                update stock_product set name = ?, category = ?, use = ?, active = ?, unit_price_minor = ?,
                    reorder_level = ?, back_orders = ?, updated_at = ? where product_id = ?""",
                event.name(), event.category().name(), event.use().name(), event.active(),
                event.unitPrice().minor(), event.reorderLevel(), event.backOrders(), ts(event.at()),
                event.productId().value());
    }

    @EventHandler
    void on(DeliveryReceivedEvent event, EventMessage<?> message) {
        stock(event.productId().value(), event.onHandAfter(), event.backOrderedAfter(), event.averageCostAfter(),
                event.at());
        movement(message, event.productId().value(), MovementKind.DELIVERY, event.quantity(), event.onHandAfter(),
                null, event.deliveryId().value(), event.unitCost().times(event.quantity()), event.by().value(),
                event.at());
        if (event.requestId() != null) {
            writes.update("update stock_movement set request_id = ? where event_id = ?", event.requestId().value(),
                    message.getIdentifier());
        }
    }

    @EventHandler
    void on(PurchaseRequestedEvent event, EventMessage<?> message) {
        request(message, event.requestId().value(), event.productId().value(), "PURCHASE", event.quantity(), null,
                null, event.by().value(), event.at());
    }

    @EventHandler
    void on(PurchaseApprovedEvent event) {
        approved(event.requestId().value(), event.by().value(), event.at());
    }

    @EventHandler
    void on(StocktakeCountedEvent event, EventMessage<?> message) {
        if (event.awaitingApproval()) {
            request(message, event.stocktakeId().value(), event.productId().value(), "STOCKTAKE", event.difference(),
                    event.valueAtCost(), event.reason().name(), event.by().value(), event.at());
        }
    }

    private void request(EventMessage<?> message, String request, String product, String kind, int quantity,
                         Money value, String reason, String by, Instant at) {
        writes.update("""
                insert into stock_request (request_id, product_id, centre, kind, quantity, value_minor, currency,
                    reason, requested_by, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (request_id) do nothing""",
                request, product, centreOf(message), kind, quantity, value == null ? null : value.minor(),
                value == null ? null : value.currency(), reason, by, ts(at));
    }

    private void approved(String request, String by, Instant at) {
        writes.update("update stock_request set approved_by = ?, approved_at = ? where request_id = ?",
                by, ts(at), request);
    }

    @EventHandler
    void on(StockIssuedEvent event, EventMessage<?> message) {
        stock(event.productId().value(), event.onHandAfter(), null, null, event.at());
        movement(message, event.productId().value(), MovementKind.ISSUE, -event.quantity(), event.onHandAfter(),
                event.reason().name(), event.issueId().value(), event.valueAtCost(), event.by().value(), event.at());
    }

    @EventHandler
    void on(StockSoldEvent event, EventMessage<?> message) {
        stock(event.productId().value(), event.onHandAfter(), event.backOrderedAfter(), null, event.at());
        movement(message, event.productId().value(), MovementKind.SALE, -event.quantity(), event.onHandAfter(),
                event.walkIn() ? "WALK_IN" : "MEMBER", event.saleId().value(), event.amount(), event.by().value(),
                event.at());
    }

    @EventHandler
    void on(StockSaleCancelledEvent event, EventMessage<?> message) {
        stock(event.productId().value(), event.onHandAfter(), event.backOrderedAfter(), null, event.at());
        movement(message, event.productId().value(), MovementKind.SALE_CANCELLED, event.quantity(),
                event.onHandAfter(), null, event.saleId().value(), null, event.by().value(), event.at());
    }

    @EventHandler
    void on(StockReturnedEvent event, EventMessage<?> message) {
        stock(event.productId().value(), event.onHandAfter(), null, null, event.at());
        movement(message, event.productId().value(), MovementKind.REFUND, event.quantity(), event.onHandAfter(),
                null, event.refundId().value(), null, event.by().value(), event.at());
    }

    @EventHandler
    void on(StockAdjustedEvent event, EventMessage<?> message) {
        // an adjustment made at once leaves no request; one approved later settles its stocktake's request
        approved(event.stocktakeId().value(), event.approvedBy().value(), event.at());
        stock(event.productId().value(), event.onHandAfter(), null, null, event.at());
        movement(message, event.productId().value(), MovementKind.ADJUSTMENT, event.difference(),
                event.onHandAfter(), event.reason().name(), event.stocktakeId().value(), event.valueAtCost(),
                event.approvedBy().value(), event.at());
    }

    @EventHandler
    void on(TransferSentEvent event, EventMessage<?> message) {
        stock(event.productId().value(), event.onHandAfter(), null, null, event.at());
        movement(message, event.productId().value(), MovementKind.TRANSFER_OUT, -event.quantity(),
                event.onHandAfter(), event.destination().value(), event.transferId().value(),
                event.unitCost().times(event.quantity()), event.by().value(), event.at());
        writes.update("""
                insert into stock_transfer (transfer_id, from_product, from_centre, to_centre, quantity,
                    unit_cost_minor, currency, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (transfer_id) do update set from_product = excluded.from_product,
                    from_centre = excluded.from_centre, to_centre = excluded.to_centre, quantity = excluded.quantity,
                    unit_cost_minor = excluded.unit_cost_minor, currency = excluded.currency,
                    sent_at = excluded.sent_at""",
                event.transferId().value(), event.productId().value(), centreOf(message), event.destination().value(),
                event.quantity(), event.unitCost().minor(), event.unitCost().currency(), ts(event.at()));
    }

    @EventHandler
    void on(TransferReceivedEvent event, EventMessage<?> message) {
        stock(event.productId().value(), event.onHandAfter(), event.backOrderedAfter(), event.averageCostAfter(),
                event.at());
        movement(message, event.productId().value(), MovementKind.TRANSFER_IN, event.quantity(),
                event.onHandAfter(), event.origin().value(), event.transferId().value(),
                event.unitCost().times(event.quantity()), event.by().value(), event.at());
        writes.update("""
                insert into stock_transfer (transfer_id, to_product, received_at) values (?, ?, ?)
                on conflict (transfer_id) do update set to_product = excluded.to_product,
                    received_at = excluded.received_at""",
                event.transferId().value(), event.productId().value(), ts(event.at()));
    }

    /** The product's stock as the event left it; null leaves a column as it was. */
    private void stock(String product, int onHand, Integer backOrdered, Money averageCost, Instant at) {
        writes.update("""
                update stock_product set on_hand = ?, back_ordered = coalesce(?, back_ordered),
                    average_cost_minor = coalesce(?, average_cost_minor), updated_at = ? where product_id = ?""",
                onHand, backOrdered, averageCost == null ? null : averageCost.minor(), ts(at), product);
    }

    private void movement(EventMessage<?> message, String product, MovementKind kind, int quantity, int onHandAfter,
                          String reason, String reference, Money value, String actor, Instant at) {
        writes.update("""
                insert into stock_movement (event_id, product_id, centre, kind, quantity, on_hand_after, reason,
                    reference, value_minor, currency, actor, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (event_id) do nothing""",
                message.getIdentifier(), product, centreOf(message), kind.name(), quantity, onHandAfter, reason,
                reference, value == null ? null : value.minor(), value == null ? null : value.currency(), actor,
                ts(at));
    }

    private static String centreOf(EventMessage<?> message) {
        Object centre = message.getMetaData().get(MetaDataKeys.CENTRE);
        return centre == null ? "" : centre.toString();
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("stock_product", "stock_movement", "stock_transfer", "stock_request")) {
            jdbc.update("delete from " + table);
        }
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
