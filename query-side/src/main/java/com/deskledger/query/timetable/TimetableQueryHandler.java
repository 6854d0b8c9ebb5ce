package com.deskledger.query.timetable;

import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.timetable.query.FindMemberBookingsQuery;
import com.deskledger.kernel.timetable.query.FindRoomWeekQuery;
import com.deskledger.kernel.timetable.query.FindTemplateStatsQuery;
import com.deskledger.kernel.timetable.query.FindTimetableDayQuery;
import com.deskledger.kernel.timetable.query.MemberBookings;
import com.deskledger.kernel.timetable.query.RoomWeek;
import com.deskledger.kernel.timetable.query.TemplateStats;
import com.deskledger.kernel.timetable.query.TimetableDay;
import com.deskledger.kernel.timetable.query.TimetableRow;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers the timetable queries with SQL over the timetable view; days are counted in the centre's zone. */
@Component
class TimetableQueryHandler {

    /** A session's row with its roster figures, counted from the member rows. */
    private static final String ROWS = """
            select s.*,
                count(a.member_id) filter (where a.status in ('BOOKED', 'PRESENT', 'NO_SHOW')) as booked,
                count(a.member_id) filter (where a.status = 'WAITING') as waiting,
                count(a.member_id) filter (where a.status = 'PRESENT') as present,
                count(a.member_id) filter (where a.status = 'PRESENT' and a.walk_in) as walk_ins,
                count(a.member_id) filter (where a.status = 'ON_LEAVE') as on_leave,
                count(a.member_id) filter (where a.status = 'NO_SHOW') as no_show
            from timetable_session s left join timetable_attendee a on a.session_id = s.session_id
            where s.centre = :centre and s.starts_at >= :from and s.starts_at < :to
            group by s.session_id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CentreCatalog centres;

    TimetableQueryHandler(NamedParameterJdbcTemplate jdbc, CentreCatalog centres) {
        this.jdbc = jdbc;
        this.centres = centres;
    }

    @QueryHandler
    TimetableDay day(FindTimetableDayQuery query) {
        ZoneId zone = centres.zoneOf(query.centre());
        List<TimetableRow> rows = rows(query.centre().value(), query.date().atStartOfDay(zone).toInstant(),
                query.date().plusDays(1).atStartOfDay(zone).toInstant(), "s.starts_at, s.room_name");
        int mismatches = (int) rows.stream().filter(TimetableRow::headCountMismatch).count();
        return new TimetableDay(query.centre(), query.date(), rows, mismatches);
    }

    @QueryHandler
    RoomWeek week(FindRoomWeekQuery query) {
        ZoneId zone = centres.zoneOf(query.centre());
        Map<String, RoomWeek.Room> rooms = new LinkedHashMap<>();
        for (TimetableRow row : rows(query.centre().value(), query.from().atStartOfDay(zone).toInstant(),
                query.from().plusDays(7).atStartOfDay(zone).toInstant(), "s.room_name, s.room_id, s.starts_at")) {
            rooms.computeIfAbsent(row.roomId(), id -> new RoomWeek.Room(id, row.roomName(), new ArrayList<>()))
                    .sessions().add(row);
        }
        return new RoomWeek(query.centre(), query.from(), query.from().plusDays(6), List.copyOf(rooms.values()));
    }

    @QueryHandler
    MemberBookings bookings(FindMemberBookingsQuery query) {
        List<MemberBookings.Booking> bookings = jdbc.query("""
                select s.session_id, s.title, s.room_name, s.teacher, s.starts_at, s.ends_at, a.status,
                    case when a.status = 'WAITING' then 1 + (select count(*) from timetable_attendee w
                        where w.session_id = a.session_id and w.status = 'WAITING' and w.seq < a.seq)::int
                    end as position
                from timetable_attendee a join timetable_session s on s.session_id = a.session_id
                where a.member_id = :member and a.status in ('BOOKED', 'WAITING', 'PRESENT')
                  and not s.cancelled and s.ends_at >= :from and s.centre in (:centres)
                order by s.starts_at, s.session_id""",
                new MapSqlParameterSource("member", query.member().value())
                        .addValue("from", Timestamp.from(query.from()))
                        .addValue("centres", query.centres().stream().map(c -> c.value()).toList()),
                (rs, n) -> new MemberBookings.Booking(rs.getString("session_id"), rs.getString("title"),
                        rs.getString("room_name"), rs.getString("teacher"), instant(rs, "starts_at"),
                        instant(rs, "ends_at"), rs.getString("status"), (Integer) rs.getObject("position",
                        Integer.class)));
        return new MemberBookings(query.member(), bookings);
    }

    @QueryHandler
    TemplateStats stats(FindTemplateStatsQuery query) {
        List<TemplateStats.Row> rows = jdbc.query("""
                with per_session as (
                    select s.session_id, s.template_id, s.title, s.places, s.head_count_mismatch,
                        (select count(*) from timetable_attendee a where a.session_id = s.session_id
                            and a.status in ('BOOKED', 'PRESENT', 'NO_SHOW')) as booked,
                        (select count(*) from timetable_attendee a where a.session_id = s.session_id
                            and a.was_waiting) as waited,
                        (select count(*) from timetable_attendee a where a.session_id = s.session_id
                            and a.status = 'NO_SHOW') as no_shows
                    from timetable_session s
                    where s.centre = :centre and s.template_id is not null and not s.cancelled
                      and s.ends_at >= :from and s.ends_at < :to)
                select template_id, max(title) as title, count(*) as sessions, sum(places) as places,
                    sum(booked) as booked, sum(waited) as waited, sum(no_shows) as no_shows,
                    count(*) filter (where head_count_mismatch) as mismatches
                from per_session group by template_id order by max(title), template_id""",
                new MapSqlParameterSource("centre", query.centre().value())
                        .addValue("from", Timestamp.from(query.from())).addValue("to", Timestamp.from(query.to())),
                (rs, n) -> {
                    int places = rs.getInt("places");
                    int booked = rs.getInt("booked");
                    int noShows = rs.getInt("no_shows");
                    return new TemplateStats.Row(rs.getString("template_id"), rs.getString("title"),
                            rs.getInt("sessions"), places, booked, places == 0 ? null : (double) booked / places,
                            rs.getInt("waited"), noShows, booked == 0 ? null : (double) noShows / booked,
                            rs.getInt("mismatches"));
                });
        return new TemplateStats(query.centre(), query.from(), query.to(), rows);
    }

    private List<TimetableRow> rows(String centre, Instant from, Instant to, String order) {
        return jdbc.query(ROWS + " order by " + order,
                new MapSqlParameterSource("centre", centre).addValue("from", Timestamp.from(from))
                        .addValue("to", Timestamp.from(to)),
                (rs, n) -> new TimetableRow(rs.getString("session_id"), rs.getString("kind"), rs.getString("title"),
                        rs.getString("template_id"), rs.getString("room_id"), rs.getString("room_name"),
                        rs.getString("teacher"), instant(rs, "starts_at"), instant(rs, "ends_at"),
                        rs.getInt("places"), rs.getInt("credits"), rs.getBoolean("cancelled"), rs.getInt("booked"),
                        rs.getInt("waiting"), rs.getInt("present"), rs.getInt("walk_ins"), rs.getInt("on_leave"),
                        rs.getInt("no_show"), (Integer) rs.getObject("head_count", Integer.class),
                        rs.getBoolean("head_count_mismatch")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
