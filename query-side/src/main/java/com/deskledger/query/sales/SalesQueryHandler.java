package com.deskledger.query.sales;

import com.deskledger.query.web.ExactSums;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.member.RefundStatus;
import com.deskledger.kernel.member.query.FindPendingRefundsQuery;
import com.deskledger.kernel.member.query.FindRevenueQuery;
import com.deskledger.kernel.member.query.FindSalesSummaryQuery;
import com.deskledger.kernel.member.query.PendingRefundPage;
import com.deskledger.kernel.member.query.PendingRefundRow;
import com.deskledger.kernel.member.query.RevenueBreakdown;
import com.deskledger.kernel.member.query.RevenueGrouping;
import com.deskledger.kernel.member.query.RevenueRow;
import com.deskledger.kernel.member.query.SalesSummary;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Answers sales queries with SQL over the sales view. Sums are taken in SQL over bigint minor units (as numeric, read
 * exactly by {@link ExactSums}), so every total is exact; periods are whole days in the centre's time zone.
 */
@Component
class SalesQueryHandler {

    private final NamedParameterJdbcTemplate jdbc;
    private final CentreCatalog centres;

    SalesQueryHandler(NamedParameterJdbcTemplate jdbc, CentreCatalog centres) {
        this.jdbc = jdbc;
        this.centres = centres;
    }

    @QueryHandler
    SalesSummary summary(FindSalesSummaryQuery query) {
        ZoneId zone = centres.zoneOf(query.centre());
        String currency = query.currency();
        MapSqlParameterSource params = period(query.centre().value(), query.from(), query.to(), zone)
                .addValue("currency", currency);
        // One statement of one-row parts: one round trip to the database instead of six. The renewal part finds the
        // members who had bought a package before the period, and those of them who renewed in it, in one pass over
        // the centre's package sales up to the period's end (V51's partial index holds just those, in time order).
        Map<String, Object> row = jdbc.queryForMap("""
                select * from (
                    select coalesce(sum(amount_minor) filter (where kind = 'SALE'), 0) as gross,
                           coalesce(sum(amount_minor) filter (where kind = 'REFUND'), 0) as refunds,
                           coalesce(sum(amount_minor) filter (where kind = 'SALE' and item_type = 'PACKAGE'), 0)
                               as package_gross,
                           coalesce(sum(amount_minor) filter (where kind = 'SALE' and item_type = 'PRODUCT'), 0)
                               as product_gross,
                           count(distinct purchase_id) filter (where kind = 'SALE') as purchases,
                           count(distinct refund_id) filter (where kind = 'REFUND') as refund_count,
                           count(*) filter (where kind = 'SALE' and item_type = 'PACKAGE' and renewal) as renewals
                    from sales_entry
                    where centre = :centre and currency = :currency and at >= :from and at < :to
                ) money cross join (
                    select count(*) filter (where first_at < :from) as existing,
                           count(*) filter (where first_at < :from and renewed) as renewed
                    from (select member_id, min(at) as first_at, bool_or(renewal and at >= :from) as renewed
                          from sales_entry
                          where centre = :centre and kind = 'SALE' and item_type = 'PACKAGE' and at < :to
                          group by member_id) packages
                ) renewal cross join (
                    select count(*) as visits, count(*) filter (where converted) as converted from sales_visit
                    where centre = :centre and arrived_at >= :from and arrived_at < :to
                ) visits cross join (
                    select count(*) as enrolments from sales_member
                    where centre = :centre and enrolled_at >= :from and enrolled_at < :to and not imported
                ) enrolments cross join (
                    select coalesce(sum(credits_left), 0) as credits,
                           coalesce(sum(div(price_minor::numeric * credits_left, credits_total)), 0) as credit_value
                    from sales_credit_pack where centre = :centre and currency = :currency and credits_left > 0
                ) outstanding cross join (
                    select count(*) as pending, coalesce(sum(amount_minor), 0) as pending_amount
                    from sales_refund_request
                    where centre = :centre and currency = :currency and status = :pending
                ) pending""", params.addValue("pending", RefundStatus.AWAITING_APPROVAL.name()));

        long gross = number(row, "gross");
        long refunds = number(row, "refunds");
        long existing = number(row, "existing");
        long renewed = number(row, "renewed");
        long visitCount = number(row, "visits");
        long converted = number(row, "converted");
        return new SalesSummary(query.centre().value(), currency, zone.getId(), query.from(), query.to(),
                Money.of(gross, currency), Money.of(refunds, currency),
                Money.of(ExactSums.minus(gross, refunds), currency),
                Money.of(number(row, "package_gross"), currency), Money.of(number(row, "product_gross"), currency),
                number(row, "purchases"), number(row, "refund_count"), number(row, "renewals"), existing,
                renewed, existing == 0 ? null : (double) renewed / existing, visitCount, converted,
                visitCount == 0 ? null : (double) converted / visitCount, number(row, "enrolments"),
                number(row, "credits"), Money.of(number(row, "credit_value"), currency),
                number(row, "pending"), Money.of(number(row, "pending_amount"), currency));
    }

    @QueryHandler
    RevenueBreakdown revenue(FindRevenueQuery query) {
        ZoneId zone = centres.zoneOf(query.centre());
        String currency = query.currency();
        String key = switch (query.by()) {
            case DAY -> "to_char(date_trunc('day', at at time zone :zone), 'YYYY-MM-DD')";
            case WEEK -> "to_char(date_trunc('week', at at time zone :zone), 'YYYY-MM-DD')";
            case MONTH -> "to_char(date_trunc('month', at at time zone :zone), 'YYYY-MM-DD')";
            case ITEM -> "item";
            case STAFF -> "staff";
            case PAYMENT_METHOD -> "payment_method";
        };
        String itemType = query.by() == RevenueGrouping.ITEM ? "item_type"
                : "null::varchar";
        MapSqlParameterSource params = period(query.centre().value(), query.from(), query.to(), zone)
                .addValue("currency", currency);
        List<RevenueRow> rows = jdbc.query("select " + key + " as key, " + itemType + " as item_type, "
                + """
                coalesce(sum(amount_minor) filter (where kind = 'SALE'), 0) as gross,
                coalesce(sum(amount_minor) filter (where kind = 'REFUND'), 0) as refunds,
                count(distinct purchase_id) filter (where kind = 'SALE') as sales,
                count(distinct refund_id) filter (where kind = 'REFUND') as refund_count
                from sales_entry
                where centre = :centre and currency = :currency and at >= :from and at < :to
                group by 1, 2 order by 1, 2""",
                params, (rs, n) -> {
                    long gross = ExactSums.of(rs, "gross");
                    long refunds = ExactSums.of(rs, "refunds");
                    return new RevenueRow(rs.getString("key"), rs.getString("item_type"), Money.of(gross, currency),
                            Money.of(refunds, currency), Money.of(ExactSums.minus(gross, refunds), currency),
                            rs.getLong("sales"),
                            rs.getLong("refund_count"));
                });
        return new RevenueBreakdown(query.centre().value(), currency, zone.getId(), query.from(), query.to(),
                query.by(), rows);
    }

    @QueryHandler
    PendingRefundPage pending(FindPendingRefundsQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource("centre", query.centre().value())
                .addValue("pending", RefundStatus.AWAITING_APPROVAL.name())
                .addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        long total = jdbc.queryForObject("""
                select count(*) from sales_refund_request where centre = :centre and status = :pending""",
                params, Long.class);
        List<PendingRefundRow> rows = jdbc.query("""
                select r.*, (select item from sales_entry e where e.purchase_id = r.purchase_id and e.kind = 'SALE'
                             order by e.entry_id limit 1) as item
                from sales_refund_request r where r.centre = :centre and r.status = :pending
                order by r.requested_at, r.refund_id limit :limit offset :offset""",
                params, (rs, n) -> new PendingRefundRow(rs.getString("refund_id"), rs.getString("member_id"),
                        rs.getString("purchase_id"), rs.getString("item"),
                        Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                        rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant()));
        return new PendingRefundPage(rows, query.page(), query.size(), total);
    }

    private static MapSqlParameterSource period(String centre, LocalDate from, LocalDate to, ZoneId zone) {
        return new MapSqlParameterSource("centre", centre)
                .addValue("zone", zone.getId())
                .addValue("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private static long number(Map<String, Object> row, String column) {
        return ExactSums.of(row.get(column));
    }
}
