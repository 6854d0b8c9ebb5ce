package com.deskledger.query.attendance;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.AttendanceStatus;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.event.ClassCheckedInEvent;
import com.deskledger.kernel.member.event.LeaveRequestedEvent;
import com.deskledger.kernel.member.event.MemberEnrolledEvent;
import com.deskledger.kernel.member.event.MemberImportedEvent;
import com.deskledger.kernel.member.event.NoShowRecordedEvent;
import com.deskledger.query.web.ViewTables;
import com.deskledger.query.web.ViewWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Builds the attendance view: one row per member and class session, set (never added to) from the event, so
 * applying an event twice leaves the same row; {@link #reset()} clears the view for a replay.
 */
@Component
@ViewTables({"attendance_member", "attendance_mark"})
@ProcessingGroup(AttendanceProjection.PROCESSING_GROUP)
class AttendanceProjection {

    static final String PROCESSING_GROUP = "attendance";

    private final JdbcTemplate jdbc;
    private final ViewWrites writes;

    AttendanceProjection(JdbcTemplate jdbc, ViewWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(MemberEnrolledEvent event) {
        writes.update("""
                insert into attendance_member (member_id, centre) values (?, ?)
                on conflict (member_id) do update set centre = excluded.centre""",
                event.memberId().value(), event.centre().value());
    }

    @EventHandler
    void on(MemberImportedEvent event) {
        writes.update("""
                insert into attendance_member (member_id, centre) values (?, ?)
                on conflict (member_id) do update set centre = excluded.centre""",
                event.memberId().value(), event.centre().value());
    }

    @EventHandler
    void on(ClassCheckedInEvent event) {
        mark(event.memberId(), event.session(), AttendanceStatus.CHECKED_IN, event.creditConsumed(),
                event.checkedInBy(), event.at());
    }

    @EventHandler
    void on(LeaveRequestedEvent event) {
        mark(event.memberId(), event.session(), event.late() ? AttendanceStatus.LATE_LEAVE : AttendanceStatus.ON_LEAVE,
                event.creditConsumed(), event.recordedBy(), event.at());
    }

    @EventHandler
    void on(NoShowRecordedEvent event) {
        mark(event.memberId(), event.session(), AttendanceStatus.NO_SHOW, event.creditConsumed(),
                event.recordedBy(), event.at());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from attendance_mark");
        jdbc.update("delete from attendance_member");
    }

    private void mark(MemberId member, ClassSession session, AttendanceStatus status, boolean creditConsumed,
                      StaffId by, Instant at) {
        writes.update("""
                insert into attendance_mark (member_id, session_key, centre, class_code, scheduled_start, room, status,
                    credit_consumed, recorded_at, recorded_by)
                select ?, ?, centre, ?, ?, ?, ?, ?, ?, ? from attendance_member where member_id = ?
                on conflict (member_id, session_key) do update set room = excluded.room, status = excluded.status,
                    credit_consumed = excluded.credit_consumed, recorded_at = excluded.recorded_at,
                    recorded_by = excluded.recorded_by""",
                member.value(), session.key(), session.classCode(), Timestamp.from(session.scheduledStart()),
                session.room(), status.name(), creditConsumed, Timestamp.from(at), by.value(), member.value());
    }
}
