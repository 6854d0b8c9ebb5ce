package com.deskledger.command.timetable;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.RoomKind;
import com.deskledger.kernel.timetable.SessionId;
import com.deskledger.kernel.timetable.room.event.RoomAddedEvent;
import com.deskledger.kernel.timetable.session.event.SessionCancelledEvent;
import com.deskledger.kernel.timetable.session.event.SessionMovedEvent;
import com.deskledger.kernel.timetable.session.event.SessionScheduledEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rooms of each centre and the time each session (class, party, event) holds in its room, so that a room is
 * never double-booked. Filled by a subscribing processor in the transaction that appends the events. Controllers
 * check it before dispatch for a clear answer; {@link RoomCalendarGuard} checks it again inside the command's
 * transaction under a per-room lock, before anything is appended, for two requests that raced past the first check
 * (the shift slots' way).
 */
@Component
@ProcessingGroup(RoomCalendar.PROCESSING_GROUP)
class RoomCalendar {

    static final String PROCESSING_GROUP = "room-calendar";
    /** First key of the advisory locks taken per room (and per centre for room names); shifts use 5. */
    private static final int LOCK_SPACE = 6;

    private final JdbcTemplate jdbc;

    RoomCalendar(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A room as the command side knows it. */
    record RoomRow(RoomId roomId, CentreId centre, String name, RoomKind kind, int capacity) {
    }

    /** The time a session holds in a room; inactive once cancelled. */
    record Booking(SessionId sessionId, CentreId centre, RoomId room, Instant start, Instant end, boolean active) {
    }

    @EventHandler
    void on(RoomAddedEvent event) {
        jdbc.update("""
                insert into timetable_room (room_id, centre, name, name_key, kind, capacity)
                values (?, ?, ?, ?, ?, ?) on conflict (room_id) do nothing""",
                event.roomId().value(), event.centre().value(), event.name(), nameKey(event.name()),
                event.kind().name(), event.capacity());
    }

    @EventHandler
    void on(SessionScheduledEvent event) {
        jdbc.update("""
                insert into room_booking (session_id, centre, room_id, starts_at, ends_at, credits, active)
                values (?, ?, ?, ?, ?, ?, true) on conflict (session_id) do nothing""",
                event.sessionId().value(), event.centre().value(), event.room().value(),
                Timestamp.from(event.start()), Timestamp.from(event.end()), event.credits());
    }

    @EventHandler
    void on(SessionMovedEvent event) {
        jdbc.update("update room_booking set room_id = ?, starts_at = ?, ends_at = ? where session_id = ?",
                event.room().value(), Timestamp.from(event.start()), Timestamp.from(event.end()),
                event.sessionId().value());
    }

    @EventHandler
    void on(SessionCancelledEvent event) {
        jdbc.update("update room_booking set active = false where session_id = ?", event.sessionId().value());
    }

    Optional<RoomRow> room(RoomId room) {
        return jdbc.query("select * from timetable_room where room_id = ?", (rs, n) -> new RoomRow(
                RoomId.of(rs.getString("room_id")), CentreId.of(rs.getString("centre")), rs.getString("name"),
                RoomKind.valueOf(rs.getString("kind")), rs.getInt("capacity")), room.value()).stream().findFirst();
    }

    Optional<Booking> booking(SessionId session) {
        return jdbc.query("select * from room_booking where session_id = ?", (rs, n) -> new Booking(
                SessionId.of(rs.getString("session_id")), CentreId.of(rs.getString("centre")),
                RoomId.of(rs.getString("room_id")), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getBoolean("active")), session.value())
                .stream().findFirst();
    }

    /** Refuses a room name the centre already has (case and surrounding spaces do not matter). */
    void requireNameFree(CentreId centre, String name) {
        Long taken = jdbc.queryForObject("select count(*) from timetable_room where centre = ? and name_key = ?",
                Long.class, centre.value(), nameKey(name));
        if (taken != null && taken > 0) {
            throw new DomainException(ErrorCode.ROOM_NAME_TAKEN, "the centre has a room of that name", "name");
        }
    }

    /** Refuses when another active session holds the room for part of [start, end). */
    void requireFree(RoomId room, Instant start, Instant end, SessionId except) {
        Long overlapping = jdbc.queryForObject("""
                select count(*) from room_booking
                where room_id = ? and active and session_id <> ? and starts_at < ? and ends_at > ?""",
                Long.class, room.value(), except == null ? "" : except.value(), Timestamp.from(end),
                Timestamp.from(start));
        if (overlapping != null && overlapping > 0) {
            throw new DomainException(ErrorCode.ROOM_DOUBLE_BOOKED,
                    "the room is taken at that time by another class, party or event", "room");
        }
    }

    /** {@link #requireFree} under a lock on the room held until the command's transaction ends. */
    void lockAndRequireFree(RoomId room, Instant start, Instant end, SessionId except) {
        lock(room.value());
        requireFree(room, start, end, except);
    }

    /** {@link #requireNameFree} under a lock on the centre's room names held until the transaction ends. */
    void lockAndRequireNameFree(CentreId centre, String name) {
        lock("names:" + centre.value());
        requireNameFree(centre, name);
    }

    private void lock(String key) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the room calendar check must run in the command's transaction");
        }
        jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", rs -> {
        }, LOCK_SPACE, key);
    }

    static String nameKey(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The name of the room a session is in now. */
    Optional<String> roomName(SessionId session) {
        return jdbc.queryForList("""
                select r.name from room_booking b join timetable_room r on r.room_id = b.room_id
                where b.session_id = ?""", String.class, session.value()).stream().findFirst();
    }

    /** The credits a session costs (0 for an open event); 0 for an unknown session. */
    int credits(SessionId session) {
        return jdbc.queryForList("select credits from room_booking where session_id = ?", Integer.class,
                session.value()).stream().findFirst().orElse(0);
    }

    List<RoomRow> rooms(CentreId centre) {
        return jdbc.query("select * from timetable_room where centre = ? order by name", (rs, n) -> new RoomRow(
                RoomId.of(rs.getString("room_id")), CentreId.of(rs.getString("centre")), rs.getString("name"),
                RoomKind.valueOf(rs.getString("kind")), rs.getInt("capacity")), centre.value());
    }
}
