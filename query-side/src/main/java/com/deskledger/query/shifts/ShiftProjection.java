package com.deskledger.query.shifts;

import com.deskledger.kernel.shift.ChecklistItem;
import com.deskledger.kernel.shift.ClockPunch;
import com.deskledger.kernel.shift.event.ChecklistItemTickedEvent;
import com.deskledger.kernel.shift.event.ClockTimeCorrectedEvent;
import com.deskledger.kernel.shift.event.HandOverNoteWrittenEvent;
import com.deskledger.kernel.shift.event.HeadCountRecordedEvent;
import com.deskledger.kernel.shift.event.ShiftCancelledEvent;
import com.deskledger.kernel.shift.event.ShiftClockedInEvent;
import com.deskledger.kernel.shift.event.ShiftClockedOutEvent;
import com.deskledger.kernel.shift.event.ShiftReassignedEvent;
import com.deskledger.kernel.shift.event.ShiftScheduledEvent;
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
import java.util.List;

/**
 * Builds the shift read models. Every handler sets values (upserts keyed by shift, item, event sequence or
 * head-count id), so applying an event twice leaves the same rows. An effective clock time is the latest
 * correction's, else the clocked one, whatever order the two are applied in; {@link #reset()} clears the tables.
 */
@Component
@ViewTables({"shift_roster", "shift_checklist", "shift_correction", "shift_note", "shift_head_count"})
@ProcessingGroup(ShiftProjection.PROCESSING_GROUP)
class ShiftProjection {

    static final String PROCESSING_GROUP = "shifts";

    private final JdbcTemplate jdbc;
    private final ViewWrites writes;

    ShiftProjection(JdbcTemplate jdbc, ViewWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ShiftScheduledEvent event) {
        writes.update("""
                insert into shift_roster (shift_id, centre, staff, shift_date, post, post_name, planned_start,
                    planned_end, scheduled_by, scheduled_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (shift_id) do update set centre = excluded.centre, staff = excluded.staff,
                    shift_date = excluded.shift_date, post = excluded.post, post_name = excluded.post_name,
                    planned_start = excluded.planned_start, planned_end = excluded.planned_end,
                    scheduled_by = excluded.scheduled_by, scheduled_at = excluded.scheduled_at""",
                event.shiftId().value(), event.centre().value(), event.staff().value(),
                java.sql.Date.valueOf(event.date()), event.post().value(), event.postName(),
                ts(event.plannedStart()), ts(event.plannedEnd()), event.scheduledBy().value(), ts(event.at()));
        List<ChecklistItem> items = event.checklist();
        for (int position = 0; position < items.size(); position++) {
            ChecklistItem item = items.get(position);
            writes.update("""
                    insert into shift_checklist (shift_id, item, label, closing, position) values (?, ?, ?, ?, ?)
                    on conflict (shift_id, item) do update set label = excluded.label, closing = excluded.closing,
                        position = excluded.position""",
                    event.shiftId().value(), item.code(), item.label(), item.closing(), position);
        }
    }

    @EventHandler
    void on(ShiftReassignedEvent event) {
        writes.update("update shift_roster set staff = ? where shift_id = ?", event.to().value(),
                event.shiftId().value());
    }

    @EventHandler
    void on(ShiftCancelledEvent event) {
        writes.update("update shift_roster set cancelled = true, cancelled_by = ?, cancelled_at = ? where shift_id = ?",
                event.by().value(), ts(event.at()), event.shiftId().value());
    }

    @EventHandler
    void on(ShiftClockedInEvent event) {
        writes.update("""
                update shift_roster set clock_in_original = ?, clocked_in_by = ?,
                    clock_in = coalesce((select c.corrected_time from shift_correction c
                        where c.shift_id = shift_roster.shift_id and c.punch = 'IN'
                        order by c.sequence desc limit 1), ?),
                    minutes_late = coalesce((select c.minutes_late from shift_correction c
                        where c.shift_id = shift_roster.shift_id and c.punch = 'IN'
                        order by c.sequence desc limit 1), ?)
                where shift_id = ?""",
                ts(event.time()), event.by().value(), ts(event.time()), event.minutesLate(),
                event.shiftId().value());
    }

    @EventHandler
    void on(ShiftClockedOutEvent event) {
        writes.update("""
                update shift_roster set clock_out_original = ?, clocked_out_by = ?,
                    clock_out = coalesce((select c.corrected_time from shift_correction c
                        where c.shift_id = shift_roster.shift_id and c.punch = 'OUT'
                        order by c.sequence desc limit 1), ?)
                where shift_id = ?""",
                ts(event.time()), event.by().value(), ts(event.time()), event.shiftId().value());
    }

    @EventHandler
    void on(ClockTimeCorrectedEvent event, @SequenceNumber long sequence) {
        writes.update("""
                insert into shift_correction (shift_id, sequence, punch, previous_time, corrected_time, minutes_late,
                    reason, corrected_by, corrected_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (shift_id, sequence) do nothing""",
                event.shiftId().value(), sequence, event.punch().name(), ts(event.previousTime()),
                ts(event.correctedTime()), event.minutesLate(), event.reason(), event.by().value(), ts(event.at()));
        if (event.punch() == ClockPunch.IN) {
            writes.update("""
                    update shift_roster r set clock_in = c.corrected_time, minutes_late = c.minutes_late
                    from (select corrected_time, minutes_late from shift_correction
                          where shift_id = ? and punch = 'IN' order by sequence desc limit 1) c
                    where r.shift_id = ?""", event.shiftId().value(), event.shiftId().value());
        } else {
            writes.update("""
                    update shift_roster r set clock_out = c.corrected_time
                    from (select corrected_time from shift_correction
                          where shift_id = ? and punch = 'OUT' order by sequence desc limit 1) c
                    where r.shift_id = ?""", event.shiftId().value(), event.shiftId().value());
        }
    }

    @EventHandler
    void on(ChecklistItemTickedEvent event) {
        writes.update("update shift_checklist set ticked_at = ?, ticked_by = ? where shift_id = ? and item = ?",
                ts(event.at()), event.by().value(), event.shiftId().value(), event.item());
    }

    @EventHandler
    void on(HeadCountRecordedEvent event) {
        writes.update("""
                insert into shift_head_count (head_count_id, shift_id, centre, class_id, class_name, scheduled_start,
                    room, head_count, teacher, recorded_by, recorded_at)
                select ?, r.shift_id, r.centre, ?, ?, ?, ?, ?, ?, ?, ? from shift_roster r where r.shift_id = ?
                on conflict (head_count_id) do update set class_id = excluded.class_id,
                    class_name = excluded.class_name, scheduled_start = excluded.scheduled_start,
                    room = excluded.room, head_count = excluded.head_count, teacher = excluded.teacher,
                    recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""",
                event.headCountId().value(), event.classId(), event.className(), ts(event.scheduledStart()),
                event.room(), event.count(), event.teacher(), event.by().value(), ts(event.at()),
                event.shiftId().value());
    }

    @EventHandler
    void on(HandOverNoteWrittenEvent event, @SequenceNumber long sequence) {
        writes.update("""
                insert into shift_note (shift_id, sequence, note, written_by, written_at) values (?, ?, ?, ?, ?)
                on conflict (shift_id, sequence) do update set note = excluded.note,
                    written_by = excluded.written_by, written_at = excluded.written_at""",
                event.shiftId().value(), sequence, event.note(), event.by().value(), ts(event.at()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from shift_head_count");
        jdbc.update("delete from shift_note");
        jdbc.update("delete from shift_correction");
        jdbc.update("delete from shift_checklist");
        jdbc.update("delete from shift_roster");
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
