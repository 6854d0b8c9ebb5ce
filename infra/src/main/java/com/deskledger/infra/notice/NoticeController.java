package com.deskledger.infra.notice;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Role;
import com.deskledger.kernel.notice.NoticeKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The notices of a centre for its managers (and operations): how many are sent, pending (not sent yet: the broker is
 * off or did not answer) and failed, and the newest of them. Reads the outbox itself, a command-side table like the
 * dead letters, not a view. Shows ids, kinds and states only: never the address.
 */
@RestController
@Tag(name = "Notices", description = "Notices to guardians: the outbox and its delivery")
class NoticeController {

    /** Delivery state of a notice. */
    enum NoticeStatus { PENDING, SENT, FAILED }

    /** One notice as managers see it. */
    record NoticeRow(long id, NoticeKind kind, String template, String memberId, String channel, NoticeStatus status,
                     int attempts, Instant createdAt, Instant sentAt, String lastError) {
    }

    /** Counts per state. {@code pending} counts every notice not sent yet. */
    record NoticeCounts(long pending, long sent, long failed) {
    }

    /** A centre's notices: counts, whether this node delivers to a broker, and the newest rows asked for. */
    record NoticeList(CentreId centre, boolean brokerEnabled, NoticeCounts counts, List<NoticeRow> notices) {
    }

    private static final int MAX_LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final NoticeProperties properties;

    NoticeController(JdbcTemplate jdbc, NoticeProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @GetMapping("/api/notices")
    @Operation(summary = "Notices to guardians of a centre (MANAGER, ADMIN): counts by state and the newest notices, "
            + "optionally of one state (PENDING: not sent yet, SENT, FAILED)")
    NoticeList list(@RequestParam(required = false) CentreId centre,
                    @RequestParam(required = false) NoticeStatus status,
                    @RequestParam(required = false, defaultValue = "100") int limit,
                    @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        if (!actor.has(Role.MANAGER) && !actor.has(Role.ADMIN)) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "only managers and operations see the notices");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "limit is 1 to " + MAX_LIMIT, "limit");
        }
        CentreId target = actor.centreOrOnly(centre);
        long[] counts = new long[3];
        jdbc.query("select status, count(*) from notice_outbox where centre = ? group by status", rs -> {
            counts[NoticeStatus.valueOf(rs.getString(1)).ordinal()] = rs.getLong(2);
        }, target.value());
        List<Object> args = new ArrayList<>(List.of(target.value()));
        String filter = "";
        if (status != null) {
            filter = " and status = ?";
            args.add(status.name());
        }
        args.add(limit);
        List<NoticeRow> rows = jdbc.query("""
                select id, kind, member_id, channel, status, attempts, created_at, sent_at, last_error
                from notice_outbox where centre = ?""" + filter + " order by id desc limit ?",
                (rs, n) -> {
                    NoticeKind kind = NoticeKind.valueOf(rs.getString(2));
                    return new NoticeRow(rs.getLong(1), kind, kind.template(), rs.getString(3), rs.getString(4),
                            NoticeStatus.valueOf(rs.getString(5)), rs.getInt(6), instant(rs.getTimestamp(7)),
                            instant(rs.getTimestamp(8)), rs.getString(9));
                }, args.toArray());
        return new NoticeList(target, properties.getBroker().isEnabled(),
                new NoticeCounts(counts[0], counts[1], counts[2]), rows);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
