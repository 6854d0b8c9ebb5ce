package com.deskledger.query.reception;

import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.visit.Channel;
import com.deskledger.kernel.visit.query.FindReceptionDayQuery;
import com.deskledger.kernel.visit.query.FindReceptionVisitsQuery;
import com.deskledger.kernel.visit.query.FindUndeliveredMessagesQuery;
import com.deskledger.kernel.visit.query.MessagePage;
import com.deskledger.kernel.visit.query.MessageRow;
import com.deskledger.kernel.visit.query.ReceptionDay;
import com.deskledger.kernel.visit.query.VisitPage;
import com.deskledger.kernel.visit.query.VisitRow;
import com.deskledger.query.web.Masking;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Answers reception queries with SQL over the reception view; days and hours in the centre's time zone. */
@Component
class ReceptionQueryHandler {

    static final int WITHIN_RINGS = 3;

    private final NamedParameterJdbcTemplate jdbc;
    private final CentreCatalog centres;

    ReceptionQueryHandler(NamedParameterJdbcTemplate jdbc, CentreCatalog centres) {
        this.jdbc = jdbc;
        this.centres = centres;
    }

    @QueryHandler
    ReceptionDay day(FindReceptionDayQuery query) {
        ZoneId zone = centres.zoneOf(query.centre());
        MapSqlParameterSource params = dayParams(query.centre().value(), query.date(), zone);

        Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            byChannel.put(channel, 0L);
        }
        long[][] hours = new long[24][2];
        DayTotals totals = new DayTotals();
        // One statement, one pass over the day's visits: grouping sets give the day's totals, the counts by channel
        // and by hour (grouping(channel, h): 3 for the totals, 1 by channel, 2 by hour), and the totals row carries
        // the centre's undelivered messages.
        jdbc.query("""
                select grouping(channel, h) as g, channel, h, count(*) as n,
                       count(*) filter (where channel = 'CALL_IN') as calls,
                       count(*) filter (where channel = 'CALL_IN' and rings <= :within) as within,
                       avg(extract(epoch from (consultant_assigned_at - arrived_at)))::float8 as to_consultant,
                       count(*) filter (where conversion) as conversions,
                       (select count(*) from reception_message
                        where centre = :centre and delivered_at is null) as undelivered
                from (select channel, rings, arrived_at, consultant_assigned_at, conversion,
                             extract(hour from arrived_at at time zone :zone)::int as h
                      from reception_visit
                      where centre = :centre and arrived_at >= :from and arrived_at < :to) day
                group by grouping sets ((), (channel), (h))""",
                params.addValue("within", WITHIN_RINGS), rs -> {
                    switch (rs.getInt("g")) {
                        case 1 -> byChannel.put(Channel.valueOf(rs.getString("channel")), rs.getLong("n"));
                        case 2 -> {
                            hours[rs.getInt("h")][0] = rs.getLong("n");
                            hours[rs.getInt("h")][1] = rs.getLong("calls");
                        }
                        default -> {
                            totals.visits = rs.getLong("n");
                            totals.calls = rs.getLong("calls");
                            totals.within = rs.getLong("within");
                            totals.toConsultant = (Double) rs.getObject("to_consultant");
                            totals.conversions = rs.getLong("conversions");
                            totals.undelivered = rs.getLong("undelivered");
                        }
                    }
                });
        List<ReceptionDay.HourCount> byHour = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            byHour.add(new ReceptionDay.HourCount(h, hours[h][0], hours[h][1]));
        }

        return new ReceptionDay(query.centre().value(), query.date(), zone.getId(), totals.visits, byChannel, byHour,
                totals.calls, totals.within, totals.calls == 0 ? null : (double) totals.within / totals.calls,
                totals.toConsultant, totals.conversions, totals.undelivered);
    }

    /** The totals row of the day's statement. */
    private static final class DayTotals {
        long visits;
        long calls;
        long within;
        Double toConsultant;
        long conversions;
        long undelivered;
    }

    @QueryHandler
    VisitPage visits(FindReceptionVisitsQuery query) {
        ZoneId zone = centres.zoneOf(query.centre());
        MapSqlParameterSource params = dayParams(query.centre().value(), query.date(), zone)
                .addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        long total = jdbc.queryForObject("""
                select count(*) from reception_visit
                where centre = :centre and arrived_at >= :from and arrived_at < :to""", params, Long.class);
        List<VisitRow> rows = jdbc.query("""
                select * from reception_visit where centre = :centre and arrived_at >= :from and arrived_at < :to
                order by arrived_at desc, visit_id limit :limit offset :offset""",
                params, (rs, n) -> visitRow(rs, query.revealPersonal()));
        return new VisitPage(rows, query.page(), query.size(), total);
    }

    @QueryHandler
    MessagePage undelivered(FindUndeliveredMessagesQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource("centre", query.centre().value())
                .addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        long total = jdbc.queryForObject("""
                select count(*) from reception_message where centre = :centre and delivered_at is null""",
                params, Long.class);
        List<MessageRow> rows = jdbc.query("""
                select * from reception_message where centre = :centre and delivered_at is null
                order by taken_at, message_id limit :limit offset :offset""",
                params, (rs, n) -> new MessageRow(rs.getString("message_id"), rs.getString("visit_id"),
                        rs.getString("centre"), rs.getString("recipient"),
                        query.revealPersonal() ? rs.getString("callback_number")
                                : Masking.phone(rs.getString("callback_number")),
                        rs.getString("content"), instant(rs, "taken_at"), instant(rs, "delivered_at"),
                        rs.getString("delivered_by")));
        return new MessagePage(rows, query.page(), query.size(), total);
    }

    private static MapSqlParameterSource dayParams(String centre, java.time.LocalDate date, ZoneId zone) {
        return new MapSqlParameterSource("centre", centre)
                .addValue("zone", zone.getId())
                .addValue("from", Timestamp.from(date.atStartOfDay(zone).toInstant()))
                .addValue("to", Timestamp.from(date.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private static VisitRow visitRow(ResultSet rs, boolean reveal) throws SQLException {
        String name = rs.getString("visitor_name");
        String phone = rs.getString("phone");
        return new VisitRow(rs.getString("visit_id"), rs.getString("centre"), rs.getString("channel"),
                rs.getString("purpose"), rs.getString("receptionist"), (Integer) rs.getObject("rings"),
                instant(rs, "arrived_at"), reveal ? name : Masking.name(name), reveal ? phone : Masking.phone(phone),
                rs.getString("consultant"), instant(rs, "consultant_assigned_at"), rs.getString("member_id"),
                rs.getBoolean("conversion"), (Integer) rs.getObject("feedback_score"), rs.getString("outcome"),
                instant(rs, "ended_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
