package com.deskledger.infra.kiosk;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self check-in kiosk through HTTP on real PostgreSQL: member cards issued, re-issued and revoked by the desk
 * (audited), the kiosk's lookup by card or member number, its check-in through the desk's own command, and the
 * KIOSK role refused everywhere else.
 */
class KioskIT extends IntegrationTest {

    private static final String SUPER = "tt-super";
    private static final String DESK = "tt-desk";
    private static final String KIOSK = "tt-kiosk";
    private static final String KIOSK_B = "tt-kiosk-b";

    @Test
    void aKioskFindsTheMemberByCardAndChecksThemInWithTheDesksRules() throws Exception {
        String room = room();
        Instant start = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        String session = session(room, start, start.plusSeconds(3600));
        String member = member();

        Http.Response issued = http.post(DESK, "/api/members/" + member + "/card", null);
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        assertThat(token).hasSize(43).doesNotContain(member);
        assertThat(jdbc.queryForObject("select count(*) from member_card where token_hash = ?", Long.class, token))
                .as("only the hash is stored").isZero();

        // the member has no booking: nothing today yet; a walk-in is checked in through the desk's command
        JsonNode found = lookup(KIOSK, token).json();
        assertThat(found.get("memberId").asText()).isEqualTo(member);
        assertThat(found.get("firstName").asText()).startsWith("K").contains("*").doesNotContain("Kid");
        assertThat(found.get("sessions")).isEmpty();
        Http.Response in = http.post(KIOSK, "/api/timetable/sessions/" + session + "/check-ins",
                "{\"memberId\":\"" + member + "\"}");
        assertThat(in.status()).as(in.text()).isEqualTo(200);
        String meta = jdbc.queryForObject("select convert_from(metadata, 'UTF8') from domainevententry where "
                + "aggregateidentifier = ? and payloadtype like '%SessionCheckInRecordedEvent'", String.class,
                session);
        assertThat(meta).contains("\"user\":\"" + KIOSK + "\"").contains("\"roles\":\"KIOSK\"");
        Http.Response twice = http.post(KIOSK, "/api/timetable/sessions/" + session + "/check-ins",
                "{\"memberId\":\"" + member + "\"}");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().get("code").asText()).isEqualTo("ALREADY_CHECKED_IN");

        // the view shows today's session as PRESENT (waiting briefly for the projection)
        JsonNode sessions = null;
        for (int i = 0; i < 40; i++) {
            sessions = lookup(KIOSK, member).json().get("sessions");
            if (!sessions.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).get("sessionId").asText()).isEqualTo(session);
        assertThat(sessions.get(0).get("status").asText()).isEqualTo("PRESENT");

        // re-issued: the old token is refused; revoked: the new one too; both audited with the actor
        String second = http.post(DESK, "/api/members/" + member + "/card", null).json().get("token").asText();
        assertThat(lookup(KIOSK, token).status()).isEqualTo(404);
        assertThat(lookup(KIOSK, token).json().get("code").asText()).isEqualTo("CARD_NOT_FOUND");
        assertThat(lookup(KIOSK, second).status()).isEqualTo(200);
        assertThat(http.post(DESK, "/api/members/" + member + "/card/revocation", null).status()).isEqualTo(204);
        assertThat(lookup(KIOSK, second).status()).isEqualTo(404);
        assertThat(http.post(DESK, "/api/members/" + member + "/card/revocation", null).json().get("code")
                .asText()).isEqualTo("CARD_NOT_FOUND");
        assertThat(jdbc.queryForList("select action || ':' || actor from member_card_audit where member_id = ? "
                + "order by id", String.class, member))
                .containsExactly("ISSUED:" + DESK, "ISSUED:" + DESK, "REVOKED:" + DESK);
    }

    @Test
    void aKioskMayDoNothingElseAndNothingInAnotherCentre() {
        String member = member();
        String token = http.post(DESK, "/api/members/" + member + "/card", null).json().get("token").asText();

        // another centre's kiosk: 404 either way, as for a member that does not exist
        assertThat(lookup(KIOSK_B, token).status()).isEqualTo(404);
        assertThat(lookup(KIOSK_B, member).status()).isEqualTo(404);
        assertThat(lookup(KIOSK, UUID.randomUUID().toString()).status()).isEqualTo(404);

        // everything but its own routes is 403
        assertThat(http.get(KIOSK, "/api/views/members?centre=timetable").status()).isEqualTo(403);
        assertThat(http.get(KIOSK, "/api/views/timetable").status()).isEqualTo(403);
        assertThat(http.post(KIOSK, "/api/members/" + member + "/card", null).status()).isEqualTo(403);
        assertThat(http.post(KIOSK, "/api/members", "{\"kind\":\"ADULT\",\"name\":\"X\"}").status()).isEqualTo(403);
        assertThat(http.get(KIOSK, "/api/audit/events").status()).isEqualTo(403);
        assertThat(http.get(KIOSK, "/api/anything-else").status()).isEqualTo(403);
        assertThat(http.post(KIOSK, "/api/timetable/sessions/" + UUID.randomUUID() + "/leaves",
                "{\"memberId\":\"" + member + "\"}").status()).isEqualTo(403);
        // and the desk may not use the kiosk's lookup
        assertThat(lookup(DESK, token).status()).isEqualTo(403);
        // another centre's kiosk cannot check in this centre's member: 404 on the member, or 403 on the session
        String room = room();
        Instant start = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        String session = session(room, start, start.plusSeconds(3600));
        assertThat(http.post(KIOSK_B, "/api/timetable/sessions/" + session + "/check-ins",
                "{\"memberId\":\"" + member + "\"}").status()).isEqualTo(403);
    }

    @Test
    void malformedOversizedOrControlCharacterInputIs400NamingTheField() {
        long before = eventCount();
        for (String body : new String[]{"{}", "{\"code\":\"\"}", "{\"code\":\"" + "a".repeat(65) + "\"}",
            "{\"code\":\"abc\\u0000def\"}", "{\"code\":\"abc\\ndef\"}", "{\"code\":\"a b\"}", "{\"code\":12}"}) {
            Http.Response bad = http.post(KIOSK, "/api/kiosk/lookup", body);
            assertThat(bad.status()).as(body + " " + bad.text()).isEqualTo(400);
            assertThat(bad.header("Content-Type")).as(body).startsWith("application/problem+json");
            if (!body.equals("{}")) {
                assertThat(bad.json().path("errors").findValuesAsText("field")).as(body + " " + bad.text())
                        .contains("code");
            }
        }
        Http.Response unknownField = http.post(KIOSK, "/api/kiosk/lookup", "{\"code\":\"abc\",\"x\":1}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- helpers

    private Http.Response lookup(String user, String code) {
        return http.post(user, "/api/kiosk/lookup", "{\"code\":\"" + code + "\"}");
    }

    private String room() {
        Http.Response added = http.post(SUPER, "/api/timetable/rooms", "{\"name\":\"Kiosk room "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"kind\":\"CLASSROOM\",\"capacity\":10}");
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return added.json().get("id").asText();
    }

    private String session(String room, Instant start, Instant end) {
        Http.Response created = http.post(SUPER, "/api/timetable/sessions", "{\"kind\":\"CLASS\",\"title\":"
                + "\"Phonics K\",\"room\":\"" + room + "\",\"start\":\"" + start + "\",\"end\":\"" + end
                + "\",\"places\":5,\"credits\":1}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private String member() {
        String phone = "139" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
        Http.Response enrolled = http.post(DESK, "/api/members", "{\"kind\":\"ADULT\",\"name\":\"Kid "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"phone\":\"" + phone + "\"}");
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        String id = enrolled.json().get("id").asText();
        Http.Response bought = http.post(DESK, "/api/members/" + id + "/packages", "{\"plan\":\"classes\","
                + "\"kind\":\"CREDIT_PACK\",\"credits\":3,\"price\":{\"minor\":100000},\"paymentMethod\":\"CASH\"}");
        assertThat(bought.status()).as(bought.text()).isEqualTo(201);
        return id;
    }
}
