package com.deskledger.query.complaints;

import com.deskledger.query.web.ExactSums;
import com.deskledger.kernel.BusinessHours;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.complaint.query.ComplaintDetail;
import com.deskledger.kernel.complaint.query.ComplaintKpis;
import com.deskledger.kernel.complaint.query.ComplaintPage;
import com.deskledger.kernel.complaint.query.ComplaintRow;
import com.deskledger.kernel.complaint.query.ComplaintSort;
import com.deskledger.kernel.complaint.query.FindComplaintKpisQuery;
import com.deskledger.kernel.complaint.query.FindComplaintQuery;
import com.deskledger.kernel.complaint.query.FindComplaintsQuery;
import com.deskledger.kernel.complaint.query.KpiRow;
import com.deskledger.kernel.complaint.query.MoneyTotal;
import com.deskledger.kernel.complaint.query.ResolutionRow;
import com.deskledger.kernel.complaint.query.TimelineEntry;
import com.deskledger.query.web.Masking;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers complaint queries with SQL over the complaints view. KPI durations are business seconds recorded by the
 * complaint itself, so their medians and 90th percentiles come straight from {@code percentile_cont}; money is
 * summed exactly in minor units per currency.
 */
@Component
class ComplaintQueryHandler {

    private static final String SLA_STATE = """
            case when c.first_response_breached or c.resolution_breached then 'BREACHED'
                 when c.paused then 'PAUSED' else 'ON_TRACK' end""";
    private static final String OPEN = "c.status not in ('CLOSED', 'WITHDRAWN')";
    // The KPI groups, told apart by grouping(c.category, c.department, c.handler): a bit is set for each column the
    // row is not grouped by.
    private static final int ALL = 0b111;
    private static final int BY_CATEGORY = 0b011;
    private static final int BY_DEPARTMENT = 0b101;
    private static final int BY_HANDLER = 0b110;
    private static final String GROUP = "grouping(c.category, c.department, c.handler)";
    private static final String GROUP_KEY = "(case " + GROUP + " when " + BY_CATEGORY + " then c.category when "
            + BY_DEPARTMENT + " then c.department when " + BY_HANDLER + " then c.handler end)::text";
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final CentreCatalog centres;
    private final ObjectMapper json;

    private final Clock clock;

    ComplaintQueryHandler(NamedParameterJdbcTemplate jdbc, CentreCatalog centres, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.centres = centres;
        this.json = json;
        this.clock = clock;
    }

    @QueryHandler
    ComplaintPage complaints(FindComplaintsQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource("centre", query.centre().value());
        StringBuilder where = new StringBuilder(" where c.centre = :centre");
        if (query.status() != null) {
            where.append(" and c.status = :status");
            params.addValue("status", query.status().name());
        }
        if (query.severity() != null) {
            where.append(" and c.severity = :severity");
            params.addValue("severity", query.severity().name());
        }
        if (query.category() != null) {
            where.append(" and c.category = :category");
            params.addValue("category", query.category().name());
        }
        if (query.department() != null) {
            where.append(" and c.department = :department");
            params.addValue("department", query.department());
        }
        if (FindComplaintsQuery.UNASSIGNED.equals(query.handler())) {
            where.append(" and c.handler is null");
        } else if (query.handler() != null) {
            where.append(" and c.handler = :handler");
            params.addValue("handler", query.handler());
        }
        if (query.minAge() != null) {
            where.append(" and c.filed_at <= :filedAtMost");
            params.addValue("filedAtMost", Timestamp.from(query.asOf().minus(query.minAge())));
        }
        if (query.maxAge() != null) {
            where.append(" and c.filed_at >= :filedAtLeast");
            params.addValue("filedAtLeast", Timestamp.from(query.asOf().minus(query.maxAge())));
        }
        if (query.sla() != null) {
            where.append(switch (query.sla()) {
                case BREACHED -> " and (c.first_response_breached or c.resolution_breached)";
                case PAUSED -> " and c.paused";
                case ON_TRACK -> " and not (c.first_response_breached or c.resolution_breached or c.paused)";
            });
        }
        long total = jdbc.queryForObject("select count(*) from complaint_case c" + where, params, Long.class);
        params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        String order = " order by " + column(query.sort()) + (query.descending() ? " desc" : " asc")
                + " nulls last, c.complaint_id";
        List<ComplaintRow> rows = jdbc.query("select c.*, " + SLA_STATE + " as sla_state from complaint_case c"
                        + where + order + " limit :limit offset :offset",
                params, (rs, n) -> row(rs, query.revealPersonal(), query.asOf()));
        return new ComplaintPage(rows, query.page(), query.size(), total);
    }

    @QueryHandler
    Optional<ComplaintDetail> complaint(FindComplaintQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", query.complaintId().value());
        List<ComplaintDetail> found = jdbc.query("select c.*, " + SLA_STATE
                + " as sla_state from complaint_case c where c.complaint_id = :id", params, (rs, n) ->
                new ComplaintDetail(row(rs, query.revealPersonal(), clock.instant()),
                        query.revealPersonal() ? rs.getString("description") : null,
                        rs.getString("visit_id"), (Long) rs.getObject("first_response_seconds"),
                        (Long) rs.getObject("resolution_seconds"), rs.getBoolean("first_response_breached"),
                        rs.getBoolean("resolution_breached"), resolutions(params, query.revealPersonal()),
                        timeline(params, query.revealPersonal())));
        return found.stream().findFirst();
    }

    /** A resolution's summary is free text about the customer: shown to the roles that see personal data. */
    private List<ResolutionRow> resolutions(MapSqlParameterSource params, boolean reveal) {
        return jdbc.query("select * from complaint_resolution where complaint_id = :id order by sequence", params,
                (rs, n) -> new ResolutionRow(reveal ? rs.getString("summary") : null, rs.getString("compensation_type"),
                        (Long) rs.getObject("compensation_minor"), rs.getString("compensation_currency"),
                        rs.getString("approval_required_from"), rs.getString("proposed_by"),
                        instant(rs, "proposed_at"), rs.getString("decision"), rs.getString("decided_by"),
                        instant(rs, "decided_at"), instant(rs, "offered_at")));
    }

    /**
     * The timeline; the free text staff wrote (notes, comments, reasons) joins each step's details only for the roles
     * that see personal data, as the members' timeline shows its notes.
     */
    private List<TimelineEntry> timeline(MapSqlParameterSource params, boolean reveal) {
        return jdbc.query("""
                select sequence, type, at, actor, details::text as details, personal::text as personal
                from complaint_timeline where complaint_id = :id order by sequence""", params, (rs, n) -> {
                    Map<String, Object> details = details(rs.getString("details"));
                    String personal = rs.getString("personal");
                    if (reveal && personal != null) {
                        details.putAll(details(personal));
                    }
                    return new TimelineEntry(rs.getLong("sequence"), rs.getString("type"), instant(rs, "at"),
                            rs.getString("actor"), details);
                });
    }

    @QueryHandler
    ComplaintKpis kpis(FindComplaintKpisQuery query) {
        ZoneId zone = centres.zoneOf(query.centre());
        MapSqlParameterSource params = new MapSqlParameterSource("centre", query.centre().value())
                .addValue("from", Timestamp.from(query.from().atStartOfDay(zone).toInstant()))
                .addValue("to", Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
        long openNow = jdbc.queryForObject("select count(*) from complaint_case c where c.centre = :centre and "
                + OPEN, params, Long.class);
        Map<Integer, List<KpiRow>> groups = kpiRows(params);
        KpiRow overall = groups.getOrDefault(ALL, List.of()).stream().findFirst()
                .orElse(new KpiRow(null, 0, 0, 0, 0, null, null, null, null, 0, null, 0, null, null, List.of()));
        return new ComplaintKpis(query.centre().value(), zone.getId(), query.from(), query.to(), openNow, overall,
                groups.getOrDefault(BY_CATEGORY, List.of()), groups.getOrDefault(BY_DEPARTMENT, List.of()),
                groups.getOrDefault(BY_HANDLER, List.of()));
    }

    /**
     * KPIs of the complaints filed in the range: overall and by category, department and handler, each list ordered
     * by its key (nulls first), keyed by the group's {@code grouping()} value. Grouping sets compute the four groups
     * in one pass over the range's complaints (and one over their resolutions for the money) instead of one
     * statement, and one pass, per group.
     */
    private Map<Integer, List<KpiRow>> kpiRows(MapSqlParameterSource params) {
        String cases = "from complaint_case c where c.centre = :centre and c.filed_at >= :from and c.filed_at < :to";
        Map<String, List<MoneyTotal>> money = new HashMap<>();
        jdbc.query("select " + GROUP + " as g, " + GROUP_KEY + " as key,"
                + " r.compensation_currency as currency, sum(r.compensation_minor) as amount"
                + " from complaint_resolution r join complaint_case c on c.complaint_id = r.complaint_id"
                + " where r.offered_at is not null and r.compensation_minor is not null"
                + " and c.centre = :centre and c.filed_at >= :from and c.filed_at < :to"
                + " group by grouping sets ((r.compensation_currency), (c.category, r.compensation_currency),"
                + " (c.department, r.compensation_currency), (c.handler, r.compensation_currency))"
                + " order by currency", params, rs -> {
                    money.computeIfAbsent(rs.getInt("g") + ":" + rs.getString("key"), k -> new ArrayList<>())
                            .add(new MoneyTotal(rs.getString("currency"),
                                    ExactSums.of(rs, "amount")));
                });
        Map<Integer, List<KpiRow>> groups = new HashMap<>();
        jdbc.query("select " + GROUP + " as g, " + GROUP_KEY + " as key,"
                + " count(*) as filed,"
                + " count(*) filter (where " + OPEN + ") as open,"
                + " count(*) filter (where c.status = 'CLOSED') as closed,"
                + " count(*) filter (where c.status = 'WITHDRAWN') as withdrawn,"
                + " percentile_cont(0.5) within group (order by c.first_response_seconds) as fr_median,"
                + " percentile_cont(0.9) within group (order by c.first_response_seconds) as fr_p90,"
                + " percentile_cont(0.5) within group (order by c.resolution_seconds) as res_median,"
                + " percentile_cont(0.9) within group (order by c.resolution_seconds) as res_p90,"
                + " count(*) filter (where c.first_response_breached or c.resolution_breached) as breached,"
                + " count(*) filter (where c.reopen_count > 0) as reopened,"
                + " count(*) filter (where c.first_resolved_at is not null) as resolved,"
                + " count(*) filter (where c.status = 'CLOSED') as satisfied_answers,"
                + " coalesce(sum(c.reopen_count), 0) as dissatisfied_answers "
                + cases + " group by grouping sets ((), (c.category), (c.department), (c.handler))"
                + " order by g, key nulls first", params, rs -> {
                    long filed = rs.getLong("filed");
                    long breached = rs.getLong("breached");
                    long reopened = rs.getLong("reopened");
                    long satisfied = rs.getLong("satisfied_answers");
                    long answers = satisfied + rs.getLong("dissatisfied_answers");
                    int g = rs.getInt("g");
                    String group = rs.getString("key");
                    groups.computeIfAbsent(g, k -> new ArrayList<>()).add(new KpiRow(group, filed,
                            rs.getLong("open"), rs.getLong("closed"), rs.getLong("withdrawn"),
                            (Double) rs.getObject("fr_median"), (Double) rs.getObject("fr_p90"),
                            (Double) rs.getObject("res_median"), (Double) rs.getObject("res_p90"), breached,
                            share(breached, filed), reopened, share(reopened, rs.getLong("resolved")),
                            share(satisfied, answers), money.getOrDefault(g + ":" + group, List.of())));
                });
        return groups;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static String column(ComplaintSort sort) {
        return switch (sort) {
            case FILED_AT -> "c.filed_at";
            case UPDATED_AT -> "c.updated_at";
            case SEVERITY -> "c.severity";
            case STATUS -> "c.status";
            case LEVEL -> "case c.level when 'HANDLER' then 0 when 'SUPERVISOR' then 1 else 2 end";
            case CATEGORY -> "c.category";
            case HANDLER -> "c.handler";
            case RESOLUTION_DUE_AT -> "c.resolution_due_at";
        };
    }

    private ComplaintRow row(ResultSet rs, boolean reveal, Instant asOf) throws SQLException {
        Urgency urgency = urgency(rs, asOf);
        String name = rs.getString("customer_name");
        String phone = rs.getString("customer_phone");
        return new ComplaintRow(rs.getString("complaint_id"), rs.getString("centre"), rs.getString("channel"),
                rs.getString("category"), rs.getString("severity"), rs.getString("status"), rs.getString("level"),
                rs.getString("sla_state"), rs.getString("handler"), rs.getString("department"),
                rs.getString("nature"), rs.getString("member_id"),
                reveal || ComplaintSeals.ERASED.equals(name) ? name : Masking.name(name),
                reveal ? phone : Masking.phone(phone), rs.getString("filed_by"), instant(rs, "filed_at"),
                instant(rs, "first_response_due_at"), instant(rs, "resolution_due_at"),
                instant(rs, "first_responded_at"), instant(rs, "first_resolved_at"), rs.getInt("reopen_count"),
                rs.getString("compensation_type"), (Long) rs.getObject("compensation_minor"),
                rs.getString("compensation_currency"), rs.getString("approval_required_from"),
                instant(rs, "closed_at"), instant(rs, "withdrawn_at"), instant(rs, "follow_up_due_at"),
                instant(rs, "follow_up_done_at"), instant(rs, "updated_at"), urgency.dueAt(), urgency.secondsLeft(),
                urgency.nearlyDue());
    }

    private record Urgency(Instant dueAt, Long secondsLeft, boolean nearlyDue) {
    }

    /**
     * How close an open case is to its next SLA due time, in the centre's business hours: the earlier due time of
     * the clocks still running, and whether any of them has less than a quarter of its target left.
     */
    private Urgency urgency(ResultSet rs, Instant asOf) throws SQLException {
        String status = rs.getString("status");
        if ("CLOSED".equals(status) || "WITHDRAWN".equals(status)) {
            return new Urgency(null, null, false);
        }
        BusinessHours hours = centres.businessHoursOf(CentreId.of(rs.getString("centre")));
        Instant dueAt = null;
        Long left = null;
        boolean nearly = false;
        for (String clock : List.of("first_response", "resolution")) {
            Instant due = instant(rs, clock + "_due_at");
            if (due == null) {
                continue;
            }
            long seconds = due.isAfter(asOf) ? hours.between(asOf, due).toSeconds() : 0;
            Long target = (Long) rs.getObject(clock + "_target_seconds");
            long threshold = target == null ? ComplaintRow.NEARLY_DUE_FALLBACK_SECONDS : target / 4;
            nearly |= seconds < threshold || seconds == 0;
            if (dueAt == null || due.isBefore(dueAt)) {
                dueAt = due;
                left = seconds;
            }
        }
        return new Urgency(dueAt, left, nearly);
    }

    private Map<String, Object> details(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
