package com.deskledger.infra.timetable;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timetable through HTTP on real PostgreSQL: rooms, a template generating its sessions, single sessions, and a
 * room that is never double-booked (also by two requests racing for the same slot).
 */
class TimetableIT extends IntegrationTest {

    static final String SUPER = "tt-super";
    static final String DESK = "tt-desk";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void aWeekOfTimetableForTwoClassroomsAndAPartyRoomIsGeneratedFromTemplates() {
        String room1 = room("Classroom 1", "CLASSROOM", 12);
        String room2 = room("Classroom 2", "CLASSROOM", 8);
        String party = room("Party room", "PARTY_ROOM", 20);
        LocalDate from = LocalDate.now(ZONE).plusDays(1);
        String days = "[\"" + from.getDayOfWeek() + "\",\"" + from.plusDays(2).getDayOfWeek() + "\"]";

        Http.Response phonics = http.post(SUPER, "/api/timetable/templates", "{\"name\":\"Phonics A\",\"days\":" + days
                        + ",\"start\":\"17:00\",\"minutes\":50,\"room\":\"" + room1 + "\",\"teacher\":\"Li\",\"places\":12,"
                        + "\"credits\":1,\"from\":\"" + from + "\",\"until\":\"" + from.plusDays(6) + "\"}",
                Map.of("X-Correlation-Id", "tt-template-1"));
        assertThat(phonics.status()).as(phonics.text()).isEqualTo(201);
        String template = phonics.json().get("id").asText();
        JsonNode sessions = phonics.json().get("sessions");
        assertThat(sessions).hasSize(2);
        Instant first = Instant.parse(sessions.get(0).get("start").asText());
        assertThat(first).isEqualTo(from.atTime(17, 0).atZone(ZONE).toInstant());
        assertThat(Instant.parse(sessions.get(0).get("end").asText())).isEqualTo(first.plus(Duration.ofMinutes(50)));
        for (JsonNode session : sessions) {
            assertThat(eventCount(session.get("sessionId").asText())).isEqualTo(1);
        }
        Http.Response maths = http.post(SUPER, "/api/timetable/templates", "{\"name\":\"Maths B\",\"days\":" + days
                + ",\"start\":\"17:00\",\"minutes\":50,\"room\":\"" + room2 + "\",\"places\":8,\"credits\":1,"
                + "\"from\":\"" + from + "\",\"until\":\"" + from.plusDays(6) + "\"}");
        assertThat(maths.status()).as(maths.text()).isEqualTo(201);
        assertThat(maths.json().get("sessions")).hasSize(2);

        // a party in the party room at the same time is no clash: another room
        Http.Response event = http.post(SUPER, "/api/timetable/sessions", "{\"kind\":\"EVENT\",\"title\":\"Theme day\","
                + "\"room\":\"" + party + "\",\"start\":\"" + first + "\",\"end\":\"" + first.plusSeconds(7200)
                + "\",\"places\":20,\"credits\":0}");
        assertThat(event.status()).as(event.text()).isEqualTo(201);

        // the sessions' history names the template's author and request, and the template's event as cause
        String session = sessions.get(0).get("sessionId").asText();
        Http.Response audit = http.get("tt-audit", "/api/audit/sessions/" + session + "/events");
        assertThat(audit.status()).as(audit.text()).isEqualTo(200);
        assertThat(audit.json().get("aggregateType").asText()).isEqualTo("ClassSession");
        JsonNode scheduled = audit.json().get("events").get(0);
        assertThat(scheduled.get("type").asText()).isEqualTo("SessionScheduledEvent");
        assertThat(scheduled.get("payload").get("template").asText()).isEqualTo(template);
        assertThat(scheduled.get("payload").get("roomName").asText()).startsWith("Classroom 1 ");
        assertThat(scheduled.get("metadata").get("user").asText()).isEqualTo(SUPER);
        assertThat(scheduled.get("metadata").get("correlationId").asText()).isEqualTo("tt-template-1");
        // caused by the session's own command, which the template's event caused
        assertThat(scheduled.get("metadata").get("causationId").asText()).isNotBlank();
        assertThat(http.get("tt-audit", "/api/audit/class-templates/" + template + "/events").status())
                .isEqualTo(200);
        assertThat(http.get("tt-audit", "/api/audit/rooms/" + room1 + "/events").status()).isEqualTo(200);
    }

    @Test
    void aRoomIsNeverDoubleBookedByClassesPartiesOrEvents() {
        String room = room("Double-booking room", "CLASSROOM", 10);
        LocalDate from = LocalDate.now(ZONE).plusDays(1);
        Http.Response template = http.post(SUPER, "/api/timetable/templates", "{\"name\":\"Art\",\"days\":[\""
                + from.getDayOfWeek() + "\"],\"start\":\"10:00\",\"minutes\":60,\"room\":\"" + room
                + "\",\"places\":10,\"credits\":1,\"from\":\"" + from + "\",\"until\":\"" + from + "\"}");
        assertThat(template.status()).as(template.text()).isEqualTo(201);
        Instant classStart = from.atTime(10, 0).atZone(ZONE).toInstant();
        String classSession = template.json().get("sessions").get(0).get("sessionId").asText();

        long before = eventCount();
        Http.Response clash = session(room, classStart.plusSeconds(1800), classStart.plusSeconds(5400));
        assertThat(clash.status()).as(clash.text()).isEqualTo(409);
        assertThat(clash.json().get("code").asText()).isEqualTo("ROOM_DOUBLE_BOOKED");
        Http.Response sameTemplateAgain = http.post(SUPER, "/api/timetable/templates", "{\"name\":\"Art 2\",\"days\":[\""
                + from.getDayOfWeek() + "\"],\"start\":\"10:30\",\"minutes\":30,\"room\":\"" + room
                + "\",\"places\":10,\"credits\":1,\"from\":\"" + from + "\",\"until\":\"" + from + "\"}");
        assertThat(sameTemplateAgain.status()).as(sameTemplateAgain.text()).isEqualTo(409);
        assertThat(sameTemplateAgain.json().get("code").asText()).isEqualTo("ROOM_DOUBLE_BOOKED");
        assertThat(eventCount()).isEqualTo(before);

        // right after the class is free; moving it onto the class is refused
        Http.Response after = session(room, classStart.plusSeconds(3600), classStart.plusSeconds(7200));
        assertThat(after.status()).as(after.text()).isEqualTo(201);
        String afterId = after.json().get("id").asText();
        Http.Response moveOnto = http.post(SUPER, "/api/timetable/sessions/" + afterId + "/move", "{\"start\":\""
                + classStart.plusSeconds(600) + "\",\"end\":\"" + classStart.plusSeconds(4200) + "\"}");
        assertThat(moveOnto.status()).as(moveOnto.text()).isEqualTo(409);
        assertThat(moveOnto.json().get("code").asText()).isEqualTo("ROOM_DOUBLE_BOOKED");
        assertThat(eventCount(afterId)).isEqualTo(1);

        // a cancelled class frees its room time
        assertThat(http.post(SUPER, "/api/timetable/sessions/" + classSession + "/cancellation",
                "{\"reason\":\"teacher ill\"}").status()).isEqualTo(200);
        Http.Response moved = http.post(SUPER, "/api/timetable/sessions/" + afterId + "/move", "{\"start\":\""
                + classStart.plusSeconds(600) + "\",\"end\":\"" + classStart.plusSeconds(4200) + "\"}");
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        Http.Response cancelledAgain = http.post(SUPER, "/api/timetable/sessions/" + classSession
                + "/cancellation", null);
        assertThat(cancelledAgain.status()).isEqualTo(422);
        assertThat(cancelledAgain.json().get("code").asText()).isEqualTo("SESSION_CANCELLED");
        Http.Response substitute = http.post(SUPER, "/api/timetable/sessions/" + afterId + "/substitute",
                "{\"teacher\":\"Wang\"}");
        assertThat(substitute.status()).as(substitute.text()).isEqualTo(200);
    }

    @Test
    void ofTwoConcurrentRequestsForTheSameRoomSlotOneWins() throws Exception {
        String room = room("Race room", "HALL", 40);
        Instant start = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.HOURS);
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Http client = new Http(port);
            answers.add(pool.submit(() -> {
                go.await();
                return client.post(SUPER, "/api/timetable/sessions", "{\"kind\":\"EVENT\",\"title\":\"Open day\","
                        + "\"room\":\"" + room + "\",\"start\":\"" + start + "\",\"end\":\"" + start.plusSeconds(3600)
                        + "\",\"places\":40,\"credits\":0}");
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            Http.Response response = answer.get();
            statuses.add(response.status());
            if (response.status() == 409) {
                assertThat(response.json().get("code").asText()).isEqualTo("ROOM_DOUBLE_BOOKED");
            }
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(jdbc.queryForObject("select count(*) from room_booking where room_id = ? and active",
                Long.class, room)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where payloadtype like "
                + "'%SessionScheduledEvent' and convert_from(payload, 'UTF8')::jsonb->>'room' = ?", Long.class, room))
                .isEqualTo(1);
    }

    @Test
    void whoMayDoWhatAndWhatIsUnknown() {
        String name = "Rules room " + UUID.randomUUID().toString().substring(0, 8);
        String room = roomNamed(name, "CLASSROOM", 6);
        Instant start = Instant.now().plus(Duration.ofDays(50)).truncatedTo(ChronoUnit.HOURS);
        String body = "{\"kind\":\"CLASS\",\"title\":\"Trial\",\"room\":\"" + room + "\",\"start\":\"" + start
                + "\",\"end\":\"" + start.plusSeconds(3000) + "\",\"places\":6,\"credits\":1}";

        Http.Response desk = http.post(DESK, "/api/timetable/sessions", body);
        assertThat(desk.status()).isEqualTo(403);
        assertThat(desk.json().get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(http.post(DESK, "/api/timetable/rooms", "{\"name\":\"x\",\"kind\":\"HALL\",\"capacity\":3}")
                .status()).isEqualTo(403);
        Http.Response auditor = http.post("tt-audit", "/api/timetable/sessions", body);
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.json().get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        Http.Response otherCentre = http.post("tt-super-b", "/api/timetable/sessions", body);
        assertThat(otherCentre.status()).as(otherCentre.text()).isEqualTo(404);
        assertThat(otherCentre.json().get("code").asText()).isEqualTo("NOT_FOUND");
        Http.Response tooMany = http.post(SUPER, "/api/timetable/sessions", body.replace("\"places\":6",
                "\"places\":7"));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("code").asText()).isEqualTo("ROOM_TOO_SMALL");
        Http.Response fraction = http.post(SUPER, "/api/timetable/sessions", body.replace("\"places\":6",
                "\"places\":1.5"));
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.text()).contains("places");
        Http.Response unknownRoom = http.post(SUPER, "/api/timetable/sessions", body.replace(room,
                UUID.randomUUID().toString()));
        assertThat(unknownRoom.status()).isEqualTo(404);
        Http.Response sameName = http.post(SUPER, "/api/timetable/rooms",
                "{\"name\":\" " + name.toUpperCase() + " \",\"kind\":\"HALL\",\"capacity\":3}");
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.json().get("code").asText()).isEqualTo("ROOM_NAME_TAKEN");

        Http.Response created = http.post(SUPER, "/api/timetable/sessions", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String session = created.json().get("id").asText();
        assertThat(http.post("tt-super-b", "/api/timetable/sessions/" + session + "/cancellation", null).status())
                .isEqualTo(403);
        assertThat(http.post(SUPER, "/api/timetable/sessions/" + UUID.randomUUID() + "/cancellation", null)
                .status()).isEqualTo(404);
        assertThat(http.post(SUPER, "/api/timetable/sessions/not-an-id/substitute", "{\"teacher\":\"Wang\"}")
                .status()).isEqualTo(404);
        assertThat(http.post(SUPER, "/api/timetable/sessions/" + UUID.randomUUID() + "/move", "{\"start\":\""
                + start + "\",\"end\":\"" + start.plusSeconds(60) + "\"}").status()).isEqualTo(404);
        Http.Response farAhead = http.post(SUPER, "/api/timetable/sessions", body.replace(start.toString(),
                start.plus(Duration.ofDays(400)).toString()));
        assertThat(farAhead.status()).isEqualTo(400);
    }

    private String room(String name, String kind, int capacity) {
        return roomNamed(name + " " + UUID.randomUUID().toString().substring(0, 8), kind, capacity);
    }

    private String roomNamed(String name, String kind, int capacity) {
        Http.Response added = http.post(SUPER, "/api/timetable/rooms", "{\"name\":\"" + name + "\",\"kind\":\""
                + kind + "\",\"capacity\":" + capacity + "}");
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return added.json().get("id").asText();
    }

    private Http.Response session(String room, Instant start, Instant end) {
        return http.post(SUPER, "/api/timetable/sessions", "{\"kind\":\"CLASS\",\"title\":\"One-off\",\"room\":\""
                + room + "\",\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"places\":5,\"credits\":1}");
    }
}
