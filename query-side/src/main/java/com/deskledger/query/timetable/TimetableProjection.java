package com.deskledger.query.timetable;

import com.deskledger.kernel.timetable.session.event.BookingCancelledEvent;
import com.deskledger.kernel.timetable.session.event.MemberWaitlistedEvent;
import com.deskledger.kernel.timetable.session.event.SessionBookedEvent;
import com.deskledger.kernel.timetable.session.event.SessionCancelledEvent;
import com.deskledger.kernel.timetable.session.event.SessionCheckInRecordedEvent;
import com.deskledger.kernel.timetable.session.event.SessionHeadCountRecordedEvent;
import com.deskledger.kernel.timetable.session.event.SessionLeaveRecordedEvent;
import com.deskledger.kernel.timetable.session.event.SessionMovedEvent;
import com.deskledger.kernel.timetable.session.event.SessionNoShowRecordedEvent;
import com.deskledger.kernel.timetable.session.event.SessionScheduledEvent;
import com.deskledger.kernel.timetable.session.event.TeacherSubstitutedEvent;
import com.deskledger.kernel.timetable.session.event.WaitlistPromotedEvent;
import com.deskledger.query.web.ViewTables;
import com.deskledger.query.web.ViewWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Builds the timetable views from the sessions' events: one row per session, one per member and session. Every
 * row is written from one session's events only, which the view meets in their order, so commits of different
 * sessions landing out of order change nothing; every write sets values (upserts), so an event applied twice leaves
 * the same rows. Counts (booked, waiting, present, ...) are taken at query time from the member rows.
 */
@Component
@ViewTables({"timetable_session", "timetable_attendee"})
@ProcessingGroup(TimetableProjection.PROCESSING_GROUP)
class TimetableProjection {

    static final String PROCESSING_GROUP = "timetable";

    private final JdbcTemplate jdbc;
    private final ViewWrites writes;

    TimetableProjection(JdbcTemplate jdbc, ViewWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(SessionScheduledEvent event) {
        writes.update("""
                insert into timetable_session (session_id, centre, kind, template_id, title, room_id, room_name,
                    teacher, starts_at, ends_at, places, credits)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (session_id) do update set centre = excluded.centre, kind = excluded.kind,
                    template_id = excluded.template_id, title = excluded.title, room_id = excluded.room_id,
                    room_name = excluded.room_name, teacher = excluded.teacher, starts_at = excluded.starts_at,
                    ends_at = excluded.ends_at, places = excluded.places, credits = excluded.credits""",
                event.sessionId().value(), event.centre().value(), event.kind().name(),
                event.template() == null ? null : event.template().value(), event.title(), event.room().value(),
                event.roomName(), event.teacher(), ts(event.start()), ts(event.end()), event.places(),
                event.credits());
    }

    @EventHandler
    void on(SessionMovedEvent event) {
        writes.update("update timetable_session set room_id = ?, room_name = ?, starts_at = ?, ends_at = ? "
                + "where session_id = ?", event.room().value(), event.roomName(), ts(event.start()),
                ts(event.end()), event.sessionId().value());
    }

    @EventHandler
    void on(TeacherSubstitutedEvent event) {
        writes.update("update timetable_session set teacher = ? where session_id = ?", event.teacher(),
                event.sessionId().value());
    }

    @EventHandler
    void on(SessionCancelledEvent event) {
        writes.update("update timetable_session set cancelled = true where session_id = ?",
                event.sessionId().value());
    }

    @EventHandler
    void on(SessionHeadCountRecordedEvent event) {
        writes.update("update timetable_session set head_count = ?, head_count_expected = ?, "
                + "head_count_mismatch = ?, head_counted_at = ? where session_id = ?", event.count(),
                event.present(), event.mismatch(), ts(event.at()), event.sessionId().value());
    }

    @EventHandler
    void on(SessionBookedEvent event, @SequenceNumber long seq) {
        attendee(event.sessionId().value(), event.member().value(), "BOOKED", seq);
    }

    @EventHandler
    void on(MemberWaitlistedEvent event, @SequenceNumber long seq) {
        attendee(event.sessionId().value(), event.member().value(), "WAITING", seq);
        writes.update("update timetable_attendee set was_waiting = true where session_id = ? and member_id = ?",
                event.sessionId().value(), event.member().value());
    }

    @EventHandler
    void on(WaitlistPromotedEvent event, @SequenceNumber long seq) {
        attendee(event.sessionId().value(), event.member().value(), "BOOKED", seq);
    }

    @EventHandler
    void on(BookingCancelledEvent event, @SequenceNumber long seq) {
        attendee(event.sessionId().value(), event.member().value(), "CANCELLED", seq);
    }

    @EventHandler
    void on(SessionCheckInRecordedEvent event, @SequenceNumber long seq) {
        attendee(event.sessionId().value(), event.member().value(), "PRESENT", seq);
        writes.update("update timetable_attendee set walk_in = ? where session_id = ? and member_id = ?",
                event.walkIn(), event.sessionId().value(), event.member().value());
    }

    @EventHandler
    void on(SessionLeaveRecordedEvent event, @SequenceNumber long seq) {
        attendee(event.sessionId().value(), event.member().value(), "ON_LEAVE", seq);
    }

    @EventHandler
    void on(SessionNoShowRecordedEvent event, @SequenceNumber long seq) {
        attendee(event.sessionId().value(), event.member().value(), "NO_SHOW", seq);
    }

    private void attendee(String session, String member, String status, long seq) {
        writes.update("""
                insert into timetable_attendee (session_id, member_id, status, seq) values (?, ?, ?, ?)
                on conflict (session_id, member_id) do update set status = excluded.status, seq = excluded.seq""",
                session, member, status, seq);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from timetable_attendee");
        jdbc.update("delete from timetable_session");
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
