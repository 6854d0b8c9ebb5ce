package com.deskledger.query.reports;

import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.report.query.FindReconciliationQuery;
import com.deskledger.kernel.report.query.Reconciliation;
import com.deskledger.kernel.report.query.ReconciliationRow;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;

/**
 * Joins the teachers' head-counts (shift_head_count, the latest count of a session) with the members' marks
 * (attendance_mark) on centre, class id (class_code) and scheduled start: a session either side appears.
 */
@Component
class ReconciliationQueryHandler {

    private final NamedParameterJdbcTemplate jdbc;
    private final CentreCatalog centres;

    ReconciliationQueryHandler(NamedParameterJdbcTemplate jdbc, CentreCatalog centres) {
        this.jdbc = jdbc;
        this.centres = centres;
    }

    @QueryHandler
    Reconciliation reconcile(FindReconciliationQuery query) {
        ZoneId zone = centres.zoneOf(query.centre());
        MapSqlParameterSource params = new MapSqlParameterSource("centre", query.centre().value())
                .addValue("start", Timestamp.from(query.date().atStartOfDay(zone).toInstant()))
                .addValue("end", Timestamp.from(query.date().plusDays(1).atStartOfDay(zone).toInstant()));
        List<ReconciliationRow> rows = jdbc.query("""
                with counts as (
                    select distinct on (class_id, scheduled_start) class_id, scheduled_start, head_count
                    from shift_head_count
                    where centre = :centre and scheduled_start >= :start and scheduled_start < :end
                    order by class_id, scheduled_start, recorded_at desc, head_count_id desc),
                marks as (
                    select class_code as class_id, scheduled_start,
                           count(*) filter (where status = 'CHECKED_IN') as check_ins,
                           count(*) filter (where status <> 'CHECKED_IN') as other_marks
                    from attendance_mark
                    where centre = :centre and scheduled_start >= :start and scheduled_start < :end
                    group by class_code, scheduled_start)
                select coalesce(c.class_id, m.class_id) as class_id,
                       coalesce(c.scheduled_start, m.scheduled_start) as scheduled_start,
                       c.head_count, coalesce(m.check_ins, 0) as check_ins, coalesce(m.other_marks, 0) as other_marks
                from counts c full join marks m on m.class_id = c.class_id and m.scheduled_start = c.scheduled_start
                order by 2, 1""", params, (rs, n) -> {
                    Integer headCount = (Integer) rs.getObject("head_count");
                    long checkIns = rs.getLong("check_ins");
                    Integer difference = headCount == null ? null : (int) (headCount - checkIns);
                    return new ReconciliationRow(rs.getString("class_id"),
                            rs.getTimestamp("scheduled_start").toInstant(), headCount, checkIns,
                            rs.getLong("other_marks"), difference, difference != null && difference != 0);
                });
        return new Reconciliation(query.centre().value(), query.date(), zone.getId(),
                rows.stream().filter(ReconciliationRow::mismatch).count(), rows);
    }
}
