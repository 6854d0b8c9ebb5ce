package com.deskledger.command.shift;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ShiftId;
import com.deskledger.kernel.shift.event.ShiftCancelledEvent;
import com.deskledger.kernel.shift.event.ShiftReassignedEvent;
import com.deskledger.kernel.shift.event.ShiftScheduledEvent;
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
 * Which staff member holds which planned time, so nobody gets two overlapping shifts. Filled by a subscribing
 * processor in the transaction that appends the shift's events. Controllers check it before dispatch for a clear
 * answer; {@link ShiftSlotGuard} checks it again inside the command's transaction under a per-staff lock, before
 * anything is appended, for two requests that raced past the first check.
 */
@Component
@ProcessingGroup(ShiftSlots.PROCESSING_GROUP)
class ShiftSlots {

    static final String PROCESSING_GROUP = "shift-slots";
    /** First key of the advisory locks taken per staff member, to keep them apart from other locks. */
    private static final int LOCK_SPACE = 5;

    private final JdbcTemplate jdbc;

    ShiftSlots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A shift's planned time, its staff member and centre; inactive once cancelled. */
    record Slot(ShiftId shiftId, CentreId centre, StaffId staff, Instant start, Instant end, boolean active) {
    }

    @EventHandler
    void on(ShiftScheduledEvent event) {
        jdbc.update("""
                insert into shift_slot (shift_id, centre, staff, planned_start, planned_end, active)
                values (?, ?, ?, ?, ?, true)
                on conflict (shift_id) do update set centre = excluded.centre, staff = excluded.staff,
                    planned_start = excluded.planned_start, planned_end = excluded.planned_end""",
                event.shiftId().value(), event.centre().value(), event.staff().value(),
                Timestamp.from(event.plannedStart()), Timestamp.from(event.plannedEnd()));
    }

    @EventHandler
    void on(ShiftReassignedEvent event) {
        jdbc.update("update shift_slot set staff = ? where shift_id = ?", event.to().value(),
                event.shiftId().value());
    }

    @EventHandler
    void on(ShiftCancelledEvent event) {
        jdbc.update("update shift_slot set active = false where shift_id = ?", event.shiftId().value());
    }

    Optional<Slot> find(ShiftId shift) {
        List<Slot> found = jdbc.query("select * from shift_slot where shift_id = ?",
                (rs, n) -> new Slot(ShiftId.of(rs.getString("shift_id")), CentreId.of(rs.getString("centre")),
                        StaffId.of(rs.getString("staff")), rs.getTimestamp("planned_start").toInstant(),
                        rs.getTimestamp("planned_end").toInstant(), rs.getBoolean("active")),
                shift.value());
        return found.stream().findFirst();
    }

    /** Refuses when the staff member has another active shift overlapping [start, end). */
    void requireFree(StaffId staff, Instant start, Instant end, ShiftId except) {
        Long overlapping = jdbc.queryForObject("""
                select count(*) from shift_slot
                where staff = ? and active and shift_id <> ? and planned_start < ? and planned_end > ?""",
                Long.class, staff.value(), except == null ? "" : except.value(), Timestamp.from(end),
                Timestamp.from(start));
        if (overlapping != null && overlapping > 0) {
            throw new DomainException(ErrorCode.SHIFT_OVERLAPS,
                    "the staff member already has a shift at that time", "staff");
        }
    }

    /**
     * Locks the staff member's slots until the current transaction ends, then refuses an overlap: with the slot
     * written in that same transaction, two shifts of one staff member are checked one after the other.
     */
    void lockAndRequireFree(StaffId staff, Instant start, Instant end, ShiftId except) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the slot check must run in the command's transaction");
        }
        jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", rs -> {
        }, LOCK_SPACE, staff.value());
        requireFree(staff, start, end, except);
    }
}
