package com.deskledger.infra.timetable;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bookings through HTTP on real PostgreSQL: a full class with a waitlist where a leave promotes the next member,
 * credits held and released in the members' own histories, check-in and walk-ins against the session, the
 * teacher's head-count, and a no-show recorded by the session's deadline after the class.
 */
class SessionBookingIT extends IntegrationTest {

    private static final String SUPER = TimetableIT.SUPER;
    private static final String DESK = TimetableIT.DESK;

    @Test
    void aFullClassWithAWaitlistWhereALeavePromotesTheNextMember() {
        String room = room(10);
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        String session = session(room, start, start.plusSeconds(3000), 3);
        String a = member(2);
        String b = member(2);
        String c = member(2);
        String d = member(2);
        String poor = member(0);

        assertThat(book(session, a).json().get("status").asText()).isEqualTo("BOOKED");
        assertThat(book(session, b).json().get("status").asText()).isEqualTo("BOOKED");

        // a member without credits cannot book, and nothing is stored for them or the session
        long before = eventCount(session);
        Http.Response broke = http.post(DESK, "/api/timetable/sessions/" + session + "/bookings",
                "{\"memberId\":\"" + poor + "\"}");
        assertThat(broke.status()).as(broke.text()).isEqualTo(422);
        assertThat(broke.json().get("code").asText()).isEqualTo("NO_ACTIVE_PACKAGE");
        assertThat(eventCount(session)).isEqualTo(before);
        assertThat(types(poor)).doesNotContain("CreditHeldEvent");

        assertThat(book(session, c).json().get("status").asText()).isEqualTo("BOOKED");
        Http.Response fourth = book(session, d);
        assertThat(fourth.status()).as(fourth.text()).isEqualTo(201);
        assertThat(fourth.json().get("status").asText()).isEqualTo("WAITLISTED");
        Http.Response twice = book(session, a);
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().get("code").asText()).isEqualTo("ALREADY_BOOKED");

        // booked members hold a credit in their own history, caused by the session's booking
        assertThat(types(a)).contains("CreditHeldEvent");
        assertThat(types(d)).doesNotContain("CreditHeldEvent");

        Http.Response leave = http.post(DESK, "/api/timetable/sessions/" + session + "/leaves",
                "{\"memberId\":\"" + b + "\"}");
        assertThat(leave.status()).as(leave.text()).isEqualTo(200);
        List<String> sessionEvents = types(session);
        assertThat(sessionEvents).endsWith("SessionLeaveRecordedEvent", "WaitlistPromotedEvent");
        assertThat(types(d)).contains("CreditHeldEvent");
        assertThat(types(b)).contains("LeaveRequestedEvent");
        String promotion = jdbc.queryForObject("select convert_from(metadata, 'UTF8')::jsonb->>'user' from "
                + "domainevententry where aggregateidentifier = ? and payloadtype like '%WaitlistPromotedEvent'",
                String.class, session);
        assertThat(promotion).isEqualTo(DESK);

        // a cancelled booking releases the credit; the promoted member checks in and uses theirs
        Http.Response cancel = http.post(DESK, "/api/timetable/sessions/" + session + "/bookings/" + c
                + "/cancellation", null);
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);
        assertThat(types(c)).endsWith("CreditReleasedEvent");
        Http.Response notBooked = http.post(DESK, "/api/timetable/sessions/" + session + "/bookings/" + c
                + "/cancellation", null);
        assertThat(notBooked.status()).isEqualTo(404);
        assertThat(notBooked.json().get("code").asText()).isEqualTo("NOT_BOOKED");

        Http.Response unknown = http.post(DESK, "/api/timetable/sessions/" + UUID.randomUUID() + "/bookings",
                "{\"memberId\":\"" + a + "\"}");
        assertThat(unknown.status()).isEqualTo(404);
        Http.Response otherCentre = http.post("tt-super-b", "/api/timetable/sessions/" + session + "/bookings",
                "{\"memberId\":\"" + a + "\"}");
        assertThat(otherCentre.status()).isEqualTo(403);
    }

    @Test
    void checkInAgainstTheSessionWalkInsTheHeadCountAndACancelledSession() throws Exception {
        String room = room(10);
        Instant start = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        String session = session(room, start, start.plusSeconds(3600), 2);
        String a = member(2);
        String walkIn = member(2);
        String late = member(2);

        // booked before the start is impossible now; walk-ins take the places left
        Http.Response in = checkIn(session, a);
        assertThat(in.status()).as(in.text()).isEqualTo(200);
        assertThat(types(a)).contains("ClassCheckedInEvent");
        assertThat(checkIn(session, walkIn).status()).isEqualTo(200);
        Http.Response full = checkIn(session, late);
        assertThat(full.status()).isEqualTo(422);
        assertThat(full.json().get("code").asText()).isEqualTo("SESSION_FULL");
        Http.Response again = checkIn(session, a);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("code").asText()).isEqualTo("ALREADY_CHECKED_IN");

        Http.Response count = http.post(DESK, "/api/timetable/sessions/" + session + "/head-counts",
                "{\"count\":3,\"teacher\":\"Li\"}");
        assertThat(count.status()).as(count.text()).isEqualTo(200);
        String recorded = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domainevententry where "
                + "aggregateidentifier = ? and payloadtype like '%SessionHeadCountRecordedEvent'", String.class,
                session);
        assertThat(recorded).contains("\"mismatch\":true").contains("\"present\":2");

        // a cancelled session: 422 for check-in
        Instant later = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
        String cancelled = session(room, later, later.plusSeconds(3000), 2);
        assertThat(book(cancelled, late).status()).isEqualTo(201);
        assertThat(http.post(SUPER, "/api/timetable/sessions/" + cancelled + "/cancellation", null).status())
                .isEqualTo(200);
        assertThat(types(late)).endsWith("CreditReleasedEvent");
        Http.Response toCancelled = http.post(DESK, "/api/timetable/sessions/" + cancelled + "/bookings",
                "{\"memberId\":\"" + a + "\"}");
        assertThat(toCancelled.status()).isEqualTo(422);
        assertThat(toCancelled.json().get("code").asText()).isEqualTo("SESSION_CANCELLED");
        assertThat(http.post(DESK, "/api/timetable/sessions/" + UUID.randomUUID() + "/check-ins",
                "{\"memberId\":\"" + a + "\"}").status()).isEqualTo(404);
    }

    @Test
    void aBookedMemberWhoNeitherCameNorTookLeaveIsANoShowByTheDeadline() throws Exception {
        String room = room(10);
        Instant start = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        String session = session(room, start, start.plusSeconds(2), 3);
        String came = member(2);
        String absent = member(2);
        assertThat(book(session, came).status()).isEqualTo(201);
        assertThat(book(session, absent).status()).isEqualTo(201);
        assertThat(checkIn(session, came).status()).isEqualTo(200);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!types(absent).contains("NoShowRecordedEvent")) {
            assertThat(Instant.now()).as("the no-show recorded by the deadline").isBefore(deadline);
            Thread.sleep(250);
        }
        assertThat(types(session)).contains("SessionNoShowRecordedEvent");
        assertThat(types(came)).doesNotContain("NoShowRecordedEvent");
        String user = jdbc.queryForObject("select convert_from(metadata, 'UTF8')::jsonb->>'user' from "
                + "domainevententry where aggregateidentifier = ? and payloadtype like '%NoShowRecordedEvent'",
                String.class, absent);
        assertThat(user).isEqualTo("system");
    }

    // ---------------------------------------------------------------- helpers

    private List<String> types(String aggregate) {
        return jdbc.queryForList("select payloadtype from domainevententry where aggregateidentifier = ? "
                + "order by sequencenumber", String.class, aggregate).stream()
                .map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
    }

    private Http.Response book(String session, String member) {
        return http.post(DESK, "/api/timetable/sessions/" + session + "/bookings", "{\"memberId\":\"" + member
                + "\"}");
    }

    private Http.Response checkIn(String session, String member) {
        return http.post(DESK, "/api/timetable/sessions/" + session + "/check-ins", "{\"memberId\":\"" + member
                + "\"}");
    }

    private String room(int capacity) {
        Http.Response added = http.post(SUPER, "/api/timetable/rooms", "{\"name\":\"Booking room "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"kind\":\"CLASSROOM\",\"capacity\":" + capacity
                + "}");
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return added.json().get("id").asText();
    }

    private String session(String room, Instant start, Instant end, int places) {
        Http.Response created = http.post(SUPER, "/api/timetable/sessions", "{\"kind\":\"CLASS\",\"title\":"
                + "\"Phonics A\",\"room\":\"" + room + "\",\"start\":\"" + start + "\",\"end\":\"" + end
                + "\",\"places\":" + places + ",\"credits\":1}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** An adult member of the test centre with a pack of that many credits (none: no package). */
    private String member(int credits) {
        String phone = "139" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
        Http.Response enrolled = http.post(DESK, "/api/members", "{\"kind\":\"ADULT\",\"name\":\"Booker "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"phone\":\"" + phone + "\"}");
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        String id = enrolled.json().get("id").asText();
        if (credits > 0) {
            Http.Response bought = http.post(DESK, "/api/members/" + id + "/packages", "{\"plan\":\"classes\","
                    + "\"kind\":\"CREDIT_PACK\",\"credits\":" + credits + ",\"price\":{\"minor\":100000},"
                    + "\"paymentMethod\":\"CASH\"}");
            assertThat(bought.status()).as(bought.text()).isEqualTo(201);
        }
        return id;
    }
}
