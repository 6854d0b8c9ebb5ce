package com.deskledger.infra.notice;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timetable's notices through HTTP on real PostgreSQL: a 3-place class fills up, a fourth member waits, a leave
 * promotes them, the class is cancelled; each consenting member's guardian gets the outbox rows the issue's
 * "Done when" asks for, in the transaction of their cause, and a member without consent gets none.
 */
class TimetableNoticesIT extends IntegrationTest {

    private static final String SUPER = "tt-super";
    private static final String DESK = "tt-desk";

    @Test
    void bookingsAPromotionFromTheWaitlistAndACancelledClassAreTold() {
        String room = room();
        Instant start = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
        String session = session(room, start, start.plusSeconds(3000));
        String a = member(true);
        String b = member(true);
        String quiet = member(false);
        String d = member(true);

        assertThat(book(session, a)).isEqualTo("BOOKED");
        assertThat(book(session, b)).isEqualTo("BOOKED");
        assertThat(book(session, quiet)).isEqualTo("BOOKED");
        assertThat(book(session, d)).isEqualTo("WAITLISTED");
        assertThat(kinds(a)).containsExactly("BOOKING_CONFIRMED");
        assertThat(kinds(d)).as("waiting is not booked").isEmpty();

        Http.Response leave = http.post(DESK, "/api/timetable/sessions/" + session + "/leaves",
                "{\"memberId\":\"" + b + "\"}");
        assertThat(leave.status()).as(leave.text()).isEqualTo(200);
        assertThat(kinds(d)).containsExactly("PROMOTED_FROM_WAITLIST");
        String promotion = jdbc.queryForObject("""
                select eventidentifier from domainevententry
                where aggregateidentifier = ? and payloadtype like '%WaitlistPromotedEvent'""", String.class, session);
        assertThat(jdbc.queryForObject("select idempotency_key from notice_outbox where member_id = ?", String.class,
                d)).isEqualTo(promotion + ":PROMOTED_FROM_WAITLIST");

        Http.Response cancelled = http.post(SUPER, "/api/timetable/sessions/" + session + "/cancellation", null);
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(kinds(a)).containsExactly("BOOKING_CONFIRMED", "SESSION_CANCELLED");
        assertThat(kinds(d)).containsExactly("PROMOTED_FROM_WAITLIST", "SESSION_CANCELLED");
        assertThat(kinds(b)).as("b left before the cancellation").containsExactly("BOOKING_CONFIRMED");
        assertThat(kinds(quiet)).as("no consent, no notice").isEmpty();
        assertThat(jdbc.queryForList("select params from notice_outbox where member_id = ?", String.class, a))
                .allSatisfy(params -> assertThat(params).contains(session));
    }

    private List<String> kinds(String member) {
        return jdbc.queryForList("select kind from notice_outbox where member_id = ? order by id", String.class,
                member);
    }

    private String book(String session, String member) {
        Http.Response booked = http.post(DESK, "/api/timetable/sessions/" + session + "/bookings",
                "{\"memberId\":\"" + member + "\"}");
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        return booked.json().get("status").asText();
    }

    private String room() {
        Http.Response added = http.post(SUPER, "/api/timetable/rooms", "{\"name\":\"Notice room "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"kind\":\"CLASSROOM\",\"capacity\":10}");
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return added.json().get("id").asText();
    }

    private String session(String room, Instant start, Instant end) {
        Http.Response created = http.post(SUPER, "/api/timetable/sessions", "{\"kind\":\"CLASS\",\"title\":"
                + "\"Phonics N\",\"room\":\"" + room + "\",\"start\":\"" + start + "\",\"end\":\"" + end
                + "\",\"places\":3,\"credits\":1}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** An adult member of the timetable's centre with ten credits, consenting to notices or not. */
    private String member(boolean consenting) {
        String phone = "137" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
        Http.Response enrolled = http.post(DESK, "/api/members", "{\"kind\":\"ADULT\",\"name\":\"Noticed "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"phone\":\"" + phone + "\"}");
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        String id = enrolled.json().get("id").asText();
        Http.Response bought = http.post(DESK, "/api/members/" + id + "/packages", "{\"plan\":\"classes\","
                + "\"kind\":\"CREDIT_PACK\",\"credits\":10,\"price\":{\"minor\":100000},\"paymentMethod\":\"CASH\"}");
        assertThat(bought.status()).as(bought.text()).isEqualTo(201);
        if (consenting) {
            Http.Response consent = http.post(DESK, "/api/members/" + id + "/notice-consent",
                    "{\"consented\":true,\"channel\":\"SMS\",\"address\":\"" + phone + "\"}");
            assertThat(consent.status()).as(consent.text()).isEqualTo(200);
        }
        return id;
    }
}
