package com.deskledger.query.shifts;

import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.shift.query.FindHeadCountsQuery;
import com.deskledger.kernel.shift.query.FindRosterQuery;
import com.deskledger.kernel.shift.query.FindStaffAttendanceQuery;
import com.deskledger.kernel.shift.query.HandOverNote;
import com.deskledger.kernel.shift.query.HeadCountRow;
import com.deskledger.kernel.shift.query.HeadCounts;
import com.deskledger.kernel.shift.query.Roster;
import com.deskledger.kernel.shift.query.RosterEntry;
import com.deskledger.kernel.shift.query.StaffAttendance;
import com.deskledger.kernel.shift.query.StaffAttendanceRow;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers the shift queries with SQL over the shift read models. A shift belongs to its roster day (the date the
 * supervisor scheduled it for); head-counts belong to the day their class starts, in the centre's time zone.
 */
@Component
class ShiftQueryHandler {

    private final NamedParameterJdbcTemplate jdbc;
    private final CentreCatalog centres;

    ShiftQueryHandler(NamedParameterJdbcTemplate jdbc, CentreCatalog centres) {
        this.jdbc = jdbc;
        this.centres = centres;
    }

    @QueryHandler
    Roster roster(FindRosterQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource("centre", query.centre().value())
                .addValue("date", Date.valueOf(query.date()));

        Map<String, List<RosterEntry.ChecklistRow>> checklists = new LinkedHashMap<>();
        jdbc.query("""
                select c.* from shift_checklist c join shift_roster r on r.shift_id = c.shift_id
                where r.centre = :centre and r.shift_date = :date and not r.cancelled
                order by c.shift_id, c.position""", params, rs -> {
                    checklists.computeIfAbsent(rs.getString("shift_id"), k -> new ArrayList<>())
                            .add(new RosterEntry.ChecklistRow(rs.getString("item"), rs.getString("label"),
                                    rs.getBoolean("closing"), instant(rs, "ticked_at"), rs.getString("ticked_by")));
                });
        // the day's notes and the incoming hand-over (the notes of the latest earlier roster day that has any) in
        // one statement; that day is found walking the roster index back from the date, not by a max() over every
        // earlier shift of the centre, which grew with the centre's history
        Map<String, List<HandOverNote>> notes = new LinkedHashMap<>();
        List<HandOverNote> incoming = new ArrayList<>();
        for (HandOverNote note : notes("""
                (r.shift_date = :date or r.shift_date = (
                    select r2.shift_date from shift_roster r2
                    where r2.centre = :centre and r2.shift_date < :date
                      and exists (select 1 from shift_note n2 where n2.shift_id = r2.shift_id)
                    order by r2.shift_date desc limit 1))""", params)) {
            if (note.date().equals(query.date())) {
                notes.computeIfAbsent(note.shiftId(), k -> new ArrayList<>()).add(note);
            } else {
                incoming.add(note);
            }
        }

        List<RosterEntry> entries = jdbc.query("""
                select r.*, (select count(*) from shift_correction c where c.shift_id = r.shift_id) as corrections
                from shift_roster r where r.centre = :centre and r.shift_date = :date and not r.cancelled
                order by r.planned_start, r.post, r.staff, r.shift_id""", params, (rs, n) -> {
                    String shiftId = rs.getString("shift_id");
                    List<RosterEntry.ChecklistRow> checklist = checklists.getOrDefault(shiftId, List.of());
                    Instant clockIn = instant(rs, "clock_in");
                    Instant clockOut = instant(rs, "clock_out");
                    Instant plannedStart = instant(rs, "planned_start");
                    Integer minutesLate = (Integer) rs.getObject("minutes_late");
                    return new RosterEntry(shiftId, rs.getString("staff"), rs.getString("post"),
                            rs.getString("post_name"), plannedStart, instant(rs, "planned_end"), clockIn != null,
                            clockOut != null, clockIn, clockOut,
                            clockIn == null && !query.now().isBefore(plannedStart),
                            minutesLate != null && minutesLate > 0, minutesLate, checklist.size(),
                            (int) checklist.stream().filter(item -> item.tickedAt() != null).count(),
                            checklist.stream().filter(item -> item.closing() && item.tickedAt() == null)
                                    .map(RosterEntry.ChecklistRow::item).toList(),
                            checklist, rs.getInt("corrections"), notes.getOrDefault(shiftId, List.of()));
                });

        return new Roster(query.centre().value(), query.date(), centres.zoneOf(query.centre()).getId(), entries,
                incoming);
    }

    @QueryHandler
    StaffAttendance staffAttendance(FindStaffAttendanceQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource("centre", query.centre().value())
                .addValue("from", Date.valueOf(query.from()))
                .addValue("to", Date.valueOf(query.to()))
                .addValue("now", Timestamp.from(query.now()));
        String shifts = "r.centre = :centre and r.shift_date between :from and :to and not r.cancelled";

        Map<String, Counts> byStaff = new TreeMap<>();
        jdbc.query("""
                select r.staff, count(*) as scheduled, count(r.clock_in) as worked,
                       count(*) filter (where r.clock_in is null and r.planned_end <= :now) as absences,
                       count(*) filter (where r.clock_in is not null and r.clock_out is null) as not_clocked_out,
                       count(*) filter (where r.minutes_late > 0) as late,
                       coalesce(sum(r.minutes_late), 0) as minutes_late,
                       floor(coalesce(sum(extract(epoch from r.planned_end - r.planned_start)), 0))::bigint
                           as planned_seconds,
                       floor(coalesce(sum(extract(epoch from r.clock_out - r.clock_in))
                           filter (where r.clock_out is not null), 0))::bigint as worked_seconds
                from shift_roster r where""" + " " + shifts + " group by r.staff", params, rs -> {
                    Counts counts = byStaff.computeIfAbsent(rs.getString("staff"), k -> new Counts());
                    counts.scheduled = rs.getLong("scheduled");
                    counts.worked = rs.getLong("worked");
                    counts.absences = rs.getLong("absences");
                    counts.notClockedOut = rs.getLong("not_clocked_out");
                    counts.late = rs.getLong("late");
                    counts.minutesLate = rs.getLong("minutes_late");
                    counts.plannedSeconds = rs.getLong("planned_seconds");
                    counts.workedSeconds = rs.getLong("worked_seconds");
                });
        jdbc.query("""
                select r.staff, count(*) as items, count(c.ticked_at) as ticked
                from shift_roster r join shift_checklist c on c.shift_id = r.shift_id
                where r.clock_in is not null and""" + " " + shifts + " group by r.staff", params, rs -> {
                    Counts counts = byStaff.computeIfAbsent(rs.getString("staff"), k -> new Counts());
                    counts.items = rs.getLong("items");
                    counts.ticked = rs.getLong("ticked");
                });
        jdbc.query("""
                select r.staff, count(*) as corrections
                from shift_roster r join shift_correction c on c.shift_id = r.shift_id
                where""" + " " + shifts + " group by r.staff", params, rs -> {
                    byStaff.computeIfAbsent(rs.getString("staff"), k -> new Counts()).corrections =
                            rs.getLong("corrections");
                });

        Counts total = new Counts();
        List<StaffAttendanceRow> rows = new ArrayList<>();
        byStaff.forEach((staff, counts) -> {
            rows.add(counts.row(staff));
            total.add(counts);
        });
        return new StaffAttendance(query.centre().value(), query.from(), query.to(), rows, total.row(null));
    }

    @QueryHandler
    HeadCounts headCounts(FindHeadCountsQuery query) {
        ZoneId zone = centres.zoneOf(query.centre());
        MapSqlParameterSource params = new MapSqlParameterSource("centre", query.centre().value())
                .addValue("from", Timestamp.from(query.date().atStartOfDay(zone).toInstant()))
                .addValue("to", Timestamp.from(query.date().plusDays(1).atStartOfDay(zone).toInstant()));
        List<HeadCountRow> rows = jdbc.query("""
                select * from (
                    select distinct on (h.class_id, h.scheduled_start) h.*,
                           count(*) over (partition by h.class_id, h.scheduled_start) as recordings
                    from shift_head_count h
                    where h.centre = :centre and h.scheduled_start >= :from and h.scheduled_start < :to
                    order by h.class_id, h.scheduled_start, h.recorded_at desc, h.head_count_id desc
                ) latest order by scheduled_start, class_id""", params,
                (rs, n) -> new HeadCountRow(rs.getString("class_id"), rs.getString("class_name"),
                        instant(rs, "scheduled_start"), rs.getString("room"), rs.getInt("head_count"),
                        rs.getString("teacher"), rs.getString("recorded_by"), instant(rs, "recorded_at"),
                        rs.getString("shift_id"), rs.getString("head_count_id"), rs.getInt("recordings")));
        return new HeadCounts(query.centre().value(), query.date(), zone.getId(), rows);
    }

    private List<HandOverNote> notes(String which, MapSqlParameterSource params) {
        return jdbc.query("""
                select n.*, r.shift_date, r.post, r.staff from shift_note n join shift_roster r
                on r.shift_id = n.shift_id where r.centre = :centre and""" + " " + which
                        + " order by n.written_at, n.shift_id, n.sequence", params,
                (rs, n) -> new HandOverNote(rs.getString("shift_id"), rs.getDate("shift_date").toLocalDate(),
                        rs.getString("post"), rs.getString("staff"), rs.getString("note"),
                        rs.getString("written_by"), instant(rs, "written_at")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** One staff member's sums, or the centre's. */
    private static final class Counts {
        long scheduled;
        long worked;
        long absences;
        long notClockedOut;
        long late;
        long minutesLate;
        long plannedSeconds;
        long workedSeconds;
        long items;
        long ticked;
        long corrections;

        void add(Counts other) {
            scheduled += other.scheduled;
            worked += other.worked;
            absences += other.absences;
            notClockedOut += other.notClockedOut;
            late += other.late;
            minutesLate += other.minutesLate;
            plannedSeconds += other.plannedSeconds;
            workedSeconds += other.workedSeconds;
            items += other.items;
            ticked += other.ticked;
            corrections += other.corrections;
        }

        StaffAttendanceRow row(String staff) {
            return new StaffAttendanceRow(staff, scheduled, worked, absences, notClockedOut, late, minutesLate,
                    worked == 0 ? null : (double) (worked - late) / worked, plannedSeconds / 60,
                    workedSeconds / 60, Math.round(workedSeconds / 36.0) / 100.0, items, ticked,
                    items == 0 ? null : (double) ticked / items, corrections);
        }
    }
}
