package com.deskledger.query.kiosk;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.member.MemberCardTokens;
import com.deskledger.query.web.Masking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The kiosk's lookup (KIOSK only): the member of the kiosk's centre whose card token or member number was scanned
 * or typed, with their first name masked as the views mask names and their places in today's sessions. A token
 * that is unknown, revoked, re-issued or of another centre is 404 {@code CARD_NOT_FOUND}, a number that is not a
 * member of the kiosk's centre 404 {@code NOT_FOUND}: a kiosk learns nothing of other centres' members.
 * The token travels in the body of a POST, never in a URL (access logs).
 */
@RestController
@Tag(name = "Kiosk", description = "The self check-in kiosk: find a member by card or number, their sessions today")
class KioskController {

    /** What was scanned or typed: a card token or a member number. */
    record Lookup(String code) {

        @Override
        public String toString() {
            return "Lookup[code hidden]";
        }
    }

    /** A member's place in one of today's sessions; {@code status} BOOKED, WAITING or PRESENT. */
    record TodaySession(String sessionId, String title, String room, String teacher, Instant start, Instant end,
                        String status) {
    }

    record Found(String memberId, String firstName, List<TodaySession> sessions) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CentreCatalog centres;
    private final Clock clock;

    KioskController(NamedParameterJdbcTemplate jdbc, CentreCatalog centres, Clock clock) {
        this.jdbc = jdbc;
        this.centres = centres;
        this.clock = clock;
    }

    @PostMapping("/api/kiosk/lookup")
    @Operation(summary = "KIOSK: the member of the kiosk's centre with this card token or member number, the first "
            + "name masked, and their places in today's sessions; 400 for malformed input, 404 CARD_NOT_FOUND for "
            + "an unknown or revoked card, 404 NOT_FOUND for an unknown number")
    Found lookup(@RequestBody Lookup request, @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        String code = request.code();
        if (!MemberCardTokens.isAcceptableCode(code)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "code must be a card token or a member number "
                    + "(1-64 letters, digits, '-', '_' or '.')", "code");
        }
        CentreId centre = actor.centreOrOnly(null);
        String member = MemberCardTokens.isToken(code) ? byCard(code, centre) : byNumber(code, centre);
        String name = jdbc.query("select name from member_profile where member_id = :member and centre = :centre",
                new MapSqlParameterSource("member", member).addValue("centre", centre.value()),
                (rs, n) -> rs.getString("name")).stream().findFirst().orElse(null);
        return new Found(member, firstName(name), today(member, centre));
    }

    private String byCard(String token, CentreId centre) {
        return jdbc.queryForList("select member_id from member_card where token_hash = :hash and centre = :centre",
                new MapSqlParameterSource("hash", MemberCardTokens.hash(token)).addValue("centre", centre.value()),
                String.class).stream().findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.CARD_NOT_FOUND, "no such card"));
    }

    /** A member id, or the old member number of an imported member (mapped as the import maps it). */
    private String byNumber(String number, CentreId centre) {
        String imported = UUID.nameUUIDFromBytes(("deskledger-import|" + centre.value() + "|"
                + number.strip().toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)).toString();
        return jdbc.queryForList("""
                select member_id from member_profile where centre = :centre and member_id in (:id, :imported)
                order by member_id = :id desc limit 1""",
                new MapSqlParameterSource("centre", centre.value()).addValue("id", number)
                        .addValue("imported", imported), String.class).stream().findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such member"));
    }

    private List<TodaySession> today(String member, CentreId centre) {
        ZoneId zone = centres.zoneOf(centre);
        LocalDate day = LocalDate.now(clock.withZone(zone));
        return jdbc.query("""
                select s.session_id, s.title, s.room_name, s.teacher, s.starts_at, s.ends_at, a.status
                from timetable_attendee a join timetable_session s on s.session_id = a.session_id
                where a.member_id = :member and s.centre = :centre and not s.cancelled
                  and a.status in ('BOOKED', 'WAITING', 'PRESENT')
                  and s.starts_at >= :from and s.starts_at < :to
                order by s.starts_at, s.session_id""",
                new MapSqlParameterSource("member", member).addValue("centre", centre.value())
                        .addValue("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                        .addValue("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant())),
                (rs, n) -> new TodaySession(rs.getString("session_id"), rs.getString("title"),
                        rs.getString("room_name"), rs.getString("teacher"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                        rs.getString("status")));
    }

    private static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Masking.name(name.strip().split("\\s+")[0]);
    }
}
