package com.deskledger.query.attendance;

import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.member.AttendanceStatus;
import com.deskledger.kernel.member.query.AttendanceCounts;
import com.deskledger.kernel.member.query.AttendanceDay;
import com.deskledger.kernel.member.query.AttendanceDays;
import com.deskledger.kernel.member.query.FindAttendanceDayQuery;
import com.deskledger.kernel.member.query.FindAttendanceDaysQuery;
import com.deskledger.kernel.member.query.FindMemberAttendanceQuery;
import com.deskledger.kernel.member.query.MemberAttendance;
import com.deskledger.kernel.member.query.SessionAttendance;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers attendance queries with SQL over the attendance view; a session's day is its start in the centre's zone. */
@Component
class AttendanceQueryHandler {

    private static final String COUNTS = """
            count(*) filter (where status = 'CHECKED_IN') as checked_in,
            count(*) filter (where status = 'ON_LEAVE') as on_leave,
            count(*) filter (where status = 'LATE_LEAVE') as late_leave,
            count(*) filter (where status = 'NO_SHOW') as no_show,
            count(*) as total,
            count(*) filter (where credit_consumed) as credits""";

    private final NamedParameterJdbcTemplate jdbc;
    private final CentreCatalog centres;

    AttendanceQueryHandler(NamedParameterJdbcTemplate jdbc, CentreCatalog centres) {
        this.jdbc = jdbc;
        this.centres = centres;
    }

    @QueryHandler
    AttendanceDay day(FindAttendanceDayQuery query) {
        ZoneId zone = centres.zoneOf(query.centre());
        MapSqlParameterSource params = period(query.centre().value(), query.date(), query.date(), zone);
        Map<String, List<Row>> bySession = new LinkedHashMap<>();
        jdbc.query("""
                select * from attendance_mark
                where centre = :centre and scheduled_start >= :from and scheduled_start < :to
                order by scheduled_start, class_code, member_id""", params, rs -> {
                    Row row = row(rs);
                    bySession.computeIfAbsent(row.classCode() + "@" + row.start(), k -> new ArrayList<>()).add(row);
                });
        List<SessionAttendance> sessions = new ArrayList<>();
        List<Row> all = new ArrayList<>();
        bySession.values().forEach(rows -> {
            all.addAll(rows);
            Row first = rows.get(0);
            String room = rows.stream().map(Row::room).filter(r -> r != null).findFirst().orElse(null);
            sessions.add(new SessionAttendance(first.classCode(), first.start(), room, counts(rows),
                    rows.stream().map(r -> new SessionAttendance.SessionMark(r.memberId(), r.status(),
                            r.creditConsumed())).toList()));
        });
        return new AttendanceDay(query.centre().value(), query.date(), zone.getId(), counts(all), sessions);
    }

    @QueryHandler
    AttendanceDays days(FindAttendanceDaysQuery query) {
        ZoneId zone = centres.zoneOf(query.centre());
        MapSqlParameterSource params = period(query.centre().value(), query.from(), query.to(), zone);
        List<AttendanceDays.DayCounts> days = jdbc.query("select (scheduled_start at time zone :zone)::date as day, "
                + COUNTS + """
                 from attendance_mark
                where centre = :centre and scheduled_start >= :from and scheduled_start < :to
                group by 1 order by 1""", params,
                (rs, n) -> new AttendanceDays.DayCounts(rs.getObject("day", LocalDate.class), counts(rs)));
        AttendanceCounts totals = jdbc.queryForObject("select " + COUNTS + """
                 from attendance_mark
                where centre = :centre and scheduled_start >= :from and scheduled_start < :to""", params,
                (rs, n) -> counts(rs));
        return new AttendanceDays(query.centre().value(), zone.getId(), query.from(), query.to(), totals, days);
    }

    /** Empty when the member is unknown to the view. */
    @QueryHandler
    Optional<MemberAttendance> member(FindMemberAttendanceQuery query) {
        List<String> centre = jdbc.queryForList("select centre from attendance_member where member_id = :member",
                new MapSqlParameterSource("member", query.memberId()), String.class);
        if (centre.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = centres.zoneOf(CentreId.of(centre.get(0)));
        MapSqlParameterSource params = new MapSqlParameterSource("member", query.memberId())
                .addValue("from", query.from() == null ? null
                        : Timestamp.from(query.from().atStartOfDay(zone).toInstant()))
                .addValue("to", query.to() == null ? null
                        : Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
        List<Row> rows = jdbc.query("""
                select * from attendance_mark where member_id = :member
                  and (cast(:from as timestamptz) is null or scheduled_start >= :from)
                  and (cast(:to as timestamptz) is null or scheduled_start < :to)
                order by scheduled_start desc, class_code""", params, (rs, n) -> row(rs));
        return Optional.of(new MemberAttendance(query.memberId(), centre.get(0), counts(rows),
                rows.stream().map(r -> new MemberAttendance.Mark(r.classCode(), r.start(), r.room(), r.status(),
                        r.creditConsumed(), r.recordedAt(), r.recordedBy())).toList()));
    }

    private record Row(String memberId, String classCode, Instant start, String room, String status,
                       boolean creditConsumed, Instant recordedAt, String recordedBy) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("member_id"), rs.getString("class_code"),
                rs.getTimestamp("scheduled_start").toInstant(), rs.getString("room"), rs.getString("status"),
                rs.getBoolean("credit_consumed"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"));
    }

    private static AttendanceCounts counts(List<Row> rows) {
        long checkedIn = count(rows, AttendanceStatus.CHECKED_IN);
        long total = rows.size();
        return new AttendanceCounts(checkedIn, count(rows, AttendanceStatus.ON_LEAVE),
                count(rows, AttendanceStatus.LATE_LEAVE), count(rows, AttendanceStatus.NO_SHOW), total,
                rate(checkedIn, total), rows.stream().filter(Row::creditConsumed).count());
    }

    private static long count(List<Row> rows, AttendanceStatus status) {
        return rows.stream().filter(r -> r.status().equals(status.name())).count();
    }

    private static AttendanceCounts counts(ResultSet rs) throws SQLException {
        long checkedIn = rs.getLong("checked_in");
        long total = rs.getLong("total");
        return new AttendanceCounts(checkedIn, rs.getLong("on_leave"), rs.getLong("late_leave"),
                rs.getLong("no_show"), total, rate(checkedIn, total), rs.getLong("credits"));
    }

    private static Double rate(long checkedIn, long total) {
        return total == 0 ? null : (double) checkedIn / total;
    }

    private static MapSqlParameterSource period(String centre, LocalDate from, LocalDate to, ZoneId zone) {
        return new MapSqlParameterSource("centre", centre)
                .addValue("zone", zone.getId())
                .addValue("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
    }
}
