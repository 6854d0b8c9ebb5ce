package com.deskledger.query.stock;

import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.query.FindMovementsQuery;
import com.deskledger.kernel.stock.query.FindOpenRequestsQuery;
import com.deskledger.kernel.stock.query.FindShrinkageQuery;
import com.deskledger.kernel.stock.query.FindStockQuery;
import com.deskledger.kernel.stock.query.MovementRow;
import com.deskledger.kernel.stock.query.OpenRequest;
import com.deskledger.kernel.stock.query.OpenRequests;
import com.deskledger.kernel.stock.query.Shrinkage;
import com.deskledger.kernel.stock.query.ShrinkageRow;
import com.deskledger.kernel.stock.query.StockMovements;
import com.deskledger.kernel.stock.query.StockOnHand;
import com.deskledger.kernel.stock.query.StockRow;
import com.deskledger.query.web.ExactSums;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/** Answers the stock queries from the stock view's tables. Sums are exact ({@code numeric}, read by ExactSums). */
@Component
class StockQueryHandler {

    private final JdbcTemplate jdbc;
    private final CentreCatalog centres;

    StockQueryHandler(JdbcTemplate jdbc, CentreCatalog centres) {
        this.jdbc = jdbc;
        this.centres = centres;
    }

    @QueryHandler
    StockOnHand stock(FindStockQuery query) {
        String currency = centres.currencyOf(query.centre());
        List<StockRow> rows = jdbc.query("""
                select p.*, (p.on_hand::numeric * coalesce(p.average_cost_minor, 0)) as value_at_cost,
                    coalesce((select sum(t.quantity) from stock_transfer t
                              where t.from_product = p.product_id and t.received_at is null), 0) as in_transit
                from stock_product p where p.centre = ?
                    and (not ? or (p.active and p.on_hand <= p.reorder_level))
                order by p.code""", (rs, n) -> {
            long value = ExactSums.of(rs, "value_at_cost");
            long averageCost = rs.getLong("average_cost_minor");
            Long average = rs.wasNull() ? null : averageCost;
            int onHand = rs.getInt("on_hand");
            int reorder = rs.getInt("reorder_level");
            return new StockRow(ProductId.of(rs.getString("product_id")), rs.getString("code"),
                    rs.getString("name"), rs.getString("category"), rs.getString("use"), rs.getBoolean("active"),
                    onHand, rs.getInt("back_ordered"), (int) ExactSums.of(rs, "in_transit"), reorder,
                    rs.getBoolean("active") && onHand <= reorder, rs.getLong("unit_price_minor"), average, value,
                    rs.getString("currency"));
        }, query.centre().value(), query.belowReorderOnly());
        long total = 0;
        for (StockRow row : rows) {
            if (row.currency().equals(currency)) {
                total = Math.addExact(total, row.valueAtCostMinor());
            }
        }
        return new StockOnHand(query.centre(), rows, total, currency);
    }

    @QueryHandler
    StockMovements movements(FindMovementsQuery query) {
        List<StockMovements> product = jdbc.query("""
                select centre, code, name from stock_product where product_id = ?""",
                (rs, n) -> new StockMovements(query.productId(), CentreId.of(rs.getString("centre")),
                        rs.getString("code"), rs.getString("name"), List.of()), query.productId().value());
        if (product.isEmpty()) {
            return null;
        }
        List<MovementRow> rows = jdbc.query("""
                select kind, quantity, on_hand_after, reason, reference, value_minor, currency, actor, at
                from stock_movement where product_id = ? order by at, event_id""", (rs, n) -> {
            int after = rs.getInt("on_hand_after");
            Integer onHandAfter = rs.wasNull() ? null : after;
            long value = rs.getLong("value_minor");
            Long valueMinor = rs.wasNull() ? null : value;
            return new MovementRow(rs.getString("kind"), rs.getInt("quantity"), onHandAfter, rs.getString("reason"),
                    rs.getString("reference"), valueMinor, rs.getString("currency"), rs.getString("actor"),
                    rs.getTimestamp("at").toInstant());
        }, query.productId().value());
        StockMovements found = product.get(0);
        return new StockMovements(found.productId(), found.centre(), found.code(), found.name(), rows);
    }

    @QueryHandler
    OpenRequests requests(FindOpenRequestsQuery query) {
        List<OpenRequest> rows = jdbc.query("""
                select r.*, p.code, p.name, coalesce((select sum(m.quantity) from stock_movement m
                    where m.request_id = r.request_id), 0) as received
                from stock_request r join stock_product p on p.product_id = r.product_id
                where r.centre = ?
                order by r.requested_at, r.request_id""", (rs, n) -> {
            long value = rs.getLong("value_minor");
            Long valueMinor = rs.wasNull() ? null : value;
            Timestamp approved = rs.getTimestamp("approved_at");
            return new OpenRequest(rs.getString("kind"), rs.getString("request_id"),
                    ProductId.of(rs.getString("product_id")), rs.getString("code"), rs.getString("name"),
                    rs.getInt("quantity"), (int) ExactSums.of(rs, "received"), valueMinor, rs.getString("currency"),
                    rs.getString("reason"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                    rs.getString("approved_by"), approved == null ? null : approved.toInstant());
        }, query.centre().value());
        List<OpenRequest> open = rows.stream().filter(r -> r.approvedAt() == null
                || ("PURCHASE".equals(r.kind()) && r.received() < r.quantity())).toList();
        return new OpenRequests(query.centre(), open);
    }

    @QueryHandler
    Shrinkage shrinkage(FindShrinkageQuery query) {
        String currency = centres.currencyOf(query.centre());
        List<ShrinkageRow> rows = jdbc.query("""
                select m.product_id, p.code, p.name,
                    sum(case when m.quantity < 0 then -m.quantity else 0 end) as shrinkage_units,
                    sum(case when m.quantity < 0 then m.value_minor::numeric else 0 end) as shrinkage_value,
                    sum(case when m.quantity > 0 then m.quantity else 0 end) as surplus_units,
                    sum(case when m.quantity > 0 then m.value_minor::numeric else 0 end) as surplus_value
                from stock_movement m join stock_product p on p.product_id = m.product_id
                where m.centre = ? and m.kind = 'ADJUSTMENT' and m.at >= ? and m.at < ? and m.currency = ?
                group by m.product_id, p.code, p.name order by p.code""",
                (rs, n) -> new ShrinkageRow(ProductId.of(rs.getString("product_id")), rs.getString("code"),
                        rs.getString("name"), (int) ExactSums.of(rs, "shrinkage_units"),
                        ExactSums.of(rs, "shrinkage_value"), (int) ExactSums.of(rs, "surplus_units"),
                        ExactSums.of(rs, "surplus_value"), currency),
                query.centre().value(), Timestamp.from(query.from()), Timestamp.from(query.to()), currency);
        int lostUnits = 0;
        int foundUnits = 0;
        long lost = 0;
        long found = 0;
        for (ShrinkageRow row : rows) {
            lostUnits += row.shrinkageUnits();
            foundUnits += row.surplusUnits();
            lost = Math.addExact(lost, row.shrinkageValueMinor());
            found = Math.addExact(found, row.surplusValueMinor());
        }
        return new Shrinkage(query.centre(), query.month(), rows, lostUnits, lost, foundUnits, found, currency);
    }
}
