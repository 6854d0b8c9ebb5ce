package com.deskledger.query.reports;

import com.deskledger.query.web.ExactSums;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.report.query.AssessmentRow;
import com.deskledger.kernel.report.query.ChannelCount;
import com.deskledger.kernel.report.query.FindMonthlyAssessmentQuery;
import com.deskledger.kernel.report.query.FindWeeklyReportQuery;
import com.deskledger.kernel.report.query.MoneyTotals;
import com.deskledger.kernel.report.query.MonthlyAssessment;
import com.deskledger.kernel.report.query.WeeklyReport;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the reports with SQL over the reception, complaint, sales, attendance and shift tables. Instants count
 * in the period when they fall between its first midnight and the midnight after its last day in the centre's
 * zone; shifts count by their roster day.
 */
@Component
class ReportQueryHandler {

    private final NamedParameterJdbcTemplate jdbc;
    private final CentreCatalog centres;

    ReportQueryHandler(NamedParameterJdbcTemplate jdbc, CentreCatalog centres) {
        this.jdbc = jdbc;
        this.centres = centres;
    }

    @QueryHandler
    WeeklyReport weekly(FindWeeklyReportQuery query) {
        ZoneId zone = centres.zoneOf(query.centre());
        LocalDate from = query.monday();
        LocalDate to = from.plusDays(6);
        MapSqlParameterSource params = period(query.centre().value(), from, to, zone);

        List<ChannelCount> byChannel = jdbc.query("""
                select channel, count(*) as n from reception_visit
                where centre = :centre and arrived_at >= :start and arrived_at < :end
                group by channel order by channel""", params,
                (rs, n) -> new ChannelCount(rs.getString("channel"), rs.getLong("n")));
        Map<String, Object> visits = jdbc.queryForMap("""
                select count(*) as visits,
                       count(*) filter (where channel = 'CALL_IN') as calls,
                       count(*) filter (where channel = 'CALL_IN' and rings <= 3) as quick_calls,
                       count(*) filter (where conversion) as conversions
                from reception_visit where centre = :centre and arrived_at >= :start and arrived_at < :end""",
                params);
        Map<String, Object> complaints = jdbc.queryForMap("""
                select (select count(*) from complaint_case
                        where centre = :centre and filed_at >= :start and filed_at < :end) as opened,
                       (select count(*) from complaint_case
                        where centre = :centre and closed_at >= :start and closed_at < :end) as closed,
                       (select coalesce(sum(reopen_count), 0) from complaint_case
                        where centre = :centre and closed_at >= :start and closed_at < :end) as reopenings,
                       (select count(distinct b.complaint_id) from complaint_breach b
                        join complaint_case c on c.complaint_id = b.complaint_id
                        where c.centre = :centre and b.due_at >= :start and b.due_at < :end) as breached""",
                params);
        Map<String, Object> classes = jdbc.queryForMap("""
                select count(*) as marks, count(*) filter (where status = 'CHECKED_IN') as check_ins
                from attendance_mark where centre = :centre and scheduled_start >= :start and scheduled_start < :end""",
                params);
        Map<String, Object> shifts = jdbc.queryForMap("""
                select count(clock_in) as worked, count(*) filter (where minutes_late > 0) as late
                from shift_roster
                where centre = :centre and shift_date between :from and :to and not cancelled""", params);
        List<MoneyTotals> money = jdbc.query(MONEY + " group by currency order by currency", params,
                (rs, n) -> totals(rs.getString("currency"), ExactSums.of(rs, "sales"), ExactSums.of(rs, "refunds")));

        long visitCount = number(visits, "visits");
        long conversions = number(visits, "conversions");
        long closed = number(complaints, "closed");
        long marks = number(classes, "marks");
        long checkIns = number(classes, "check_ins");
        long worked = number(shifts, "worked");
        long late = number(shifts, "late");
        return new WeeklyReport(query.centre().value(), query.week(), from, to, zone.getId(), visitCount,
                byChannel, number(visits, "calls"), number(visits, "quick_calls"), conversions,
                share(conversions, visitCount), number(complaints, "opened"), closed,
                number(complaints, "breached"), share(closed, closed + number(complaints, "reopenings")), money,
                marks, checkIns, share(checkIns, marks), worked, late, share(worked - late, worked));
    }

    @QueryHandler
    MonthlyAssessment monthly(FindMonthlyAssessmentQuery query) {
        ZoneId zone = centres.zoneOf(query.centre());
        LocalDate from = query.month().atDay(1);
        LocalDate to = query.month().atEndOfMonth();
        MapSqlParameterSource params = period(query.centre().value(), from, to, zone);
        Map<String, Row> rows = new TreeMap<>();

        jdbc.query("""
                select coalesce(handled_by, receptionist) as staff, count(*) as n from reception_visit
                where centre = :centre and arrived_at >= :start and arrived_at < :end and channel <> 'CALL_IN'
                group by 1""", params, rs -> {
                    row(rows, rs.getString("staff")).visitsHandled = rs.getLong("n");
                });
        jdbc.query("""
                select receptionist as staff, count(*) as n, count(*) filter (where rings <= 3) as quick
                from reception_visit
                where centre = :centre and arrived_at >= :start and arrived_at < :end and channel = 'CALL_IN'
                group by 1""", params, rs -> {
                    Row row = row(rows, rs.getString("staff"));
                    row.calls = rs.getLong("n");
                    row.quickCalls = rs.getLong("quick");
                });
        jdbc.query("""
                select handler as staff, count(*) as resolved,
                       count(*) filter (where status = 'CLOSED') as satisfied,
                       coalesce(sum(reopen_count), 0) as reopenings
                from complaint_case
                where centre = :centre and handler is not null
                  and first_resolved_at >= :start and first_resolved_at < :end
                group by 1""", params, rs -> {
                    Row row = row(rows, rs.getString("staff"));
                    row.resolved = rs.getLong("resolved");
                    row.satisfied = rs.getLong("satisfied");
                    row.reopenings = rs.getLong("reopenings");
                });
        jdbc.query(MONEY.replace("select ", "select staff, ") + " group by staff, currency order by currency",
                params, rs -> {
                    row(rows, rs.getString("staff")).sales.add(
                            totals(rs.getString("currency"), ExactSums.of(rs, "sales"), ExactSums.of(rs, "refunds")));
                });
        String shifts = "r.centre = :centre and r.shift_date between :from and :to and not r.cancelled";
        jdbc.query("""
                select r.staff, count(r.clock_in) as worked, count(*) filter (where r.minutes_late > 0) as late
                from shift_roster r where""" + " " + shifts + " group by r.staff", params, rs -> {
                    Row row = row(rows, rs.getString("staff"));
                    row.worked = rs.getLong("worked");
                    row.late = rs.getLong("late");
                });
        jdbc.query("""
                select r.staff, count(*) as items, count(c.ticked_at) as ticked
                from shift_roster r join shift_checklist c on c.shift_id = r.shift_id
                where r.clock_in is not null and""" + " " + shifts + " group by r.staff", params, rs -> {
                    Row row = row(rows, rs.getString("staff"));
                    row.items = rs.getLong("items");
                    row.ticked = rs.getLong("ticked");
                });

        List<AssessmentRow> staff = new ArrayList<>();
        rows.forEach((name, row) -> staff.add(row.toRow(name)));
        return new MonthlyAssessment(query.centre().value(), query.month().toString(), from, to, zone.getId(),
                staff, null);
    }

    private static final String MONEY = """
            select currency,
                   coalesce(sum(amount_minor) filter (where kind = 'SALE'), 0) as sales,
                   coalesce(sum(amount_minor) filter (where kind = 'REFUND'), 0) as refunds
            from sales_entry where centre = :centre and at >= :start and at < :end""";

    private static MoneyTotals totals(String currency, long sales, long refunds) {
        return new MoneyTotals(currency.trim(), sales, refunds, ExactSums.minus(sales, refunds));
    }

    private static Row row(Map<String, Row> rows, String staff) {
        return rows.computeIfAbsent(staff, k -> new Row());
    }

    private static long number(Map<String, Object> values, String key) {
        return ExactSums.of(values.get(key));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static MapSqlParameterSource period(String centre, LocalDate from, LocalDate to, ZoneId zone) {
        return new MapSqlParameterSource("centre", centre)
                .addValue("from", Date.valueOf(from))
                .addValue("to", Date.valueOf(to))
                .addValue("start", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .addValue("end", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    /** One staff member's month as it is summed up. */
    private static final class Row {
        long visitsHandled;
        long calls;
        long quickCalls;
        long resolved;
        long satisfied;
        long reopenings;
        final List<MoneyTotals> sales = new ArrayList<>();
        long worked;
        long late;
        long items;
        long ticked;

        AssessmentRow toRow(String staff) {
            return new AssessmentRow(staff, visitsHandled, calls, quickCalls, resolved, satisfied,
                    share(satisfied, satisfied + reopenings), List.copyOf(sales), worked, late,
                    share(worked - late, worked), items, ticked, share(ticked, items));
        }
    }
}
