package com.deskledger.infra.imports;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 part 6 through HTTP on real PostgreSQL: a timetable file with eleven planted errors gets exactly those in
 * its dry run and cannot be committed; the file fixed adds its rooms and weekly classes, whose sessions appear in
 * the timetable view; a second import of it adds nothing.
 */
class TimetableImportIT extends IntegrationTest {

    private static final String MANAGER = "imp-manager";
    private static final String CENTRE = "imp-tt";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String HEADER = "类型/type,名称/name,教室/room,教室类型/room_kind,容纳人数/capacity,星期/weekday,"
            + "开始时间/start,结束时间/end,老师/teacher,名额/places,课时/credits";

    @Autowired
    Clock clock;

    @Test
    void plantedErrorsAreFoundThenTheFixedFileImportsOnce() {
        Http.Response template = http.get(MANAGER, "/api/imports/timetable/template");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.text()).startsWith("\uFEFF" + HEADER);
        assertThat(http.get("imp-desk", "/api/imports/timetable/template").status()).isEqualTo(403);
        JsonNode paths = http.get(null, "/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/imports/timetable")).isTrue();
        assertThat(paths.has("/api/imports/timetable/dry-run")).isTrue();
        assertThat(paths.has("/api/imports/timetable/template")).isTrue();
        assertThat(upload("imp-manager", "/api/imports/timetable/dry-run?centre=timetable", HEADER + "\r\n")
                .status()).isEqualTo(403);
        Http.Response noHeader = upload(MANAGER, "/api/imports/timetable/dry-run?centre=" + CENTRE, "a,b\r\n1,2\r\n");
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.json().path("errors").get(0).path("field").asText()).isEqualTo("file");

        // the centre has a room with a weekly class already
        Http.Response hall = http.post(MANAGER, "/api/timetable/rooms", "{\"centre\":\"" + CENTRE
                + "\",\"name\":\"Old Hall\",\"kind\":\"HALL\",\"capacity\":30}");
        assertThat(hall.status()).as(hall.text()).isEqualTo(201);
        Http.Response old = http.post(MANAGER, "/api/timetable/templates", "{\"centre\":\"" + CENTRE
                + "\",\"name\":\"Old yoga\",\"days\":[\"WEDNESDAY\"],\"start\":\"10:00\",\"minutes\":60,\"room\":\""
                + hall.json().get("id").asText() + "\",\"places\":10,\"credits\":1}");
        assertThat(old.status()).as(old.text()).isEqualTo(201);

        String bad = file(
                "ROOM,Room A,,CLASSROOM,12,,,,,,",                              // 2
                "ROOM,Room B,,HALL,20,,,,,,",                                   // 3
                "ROOM,Room C,,CLASSROOM,abc,,,,,,",                             // 4 capacity
                "教室,Room D,,教室,0,,,,,,",                                     // 5 capacity
                "ROOM,room a,,CLASSROOM,12,,,,,,",                              // 6 duplicate
                "CLASS,Phonics A,Room A,,,TUESDAY,17:00,17:50,Li,10,1",         // 7
                "课程,Phonics A,Room A,,,周四,17:00,17:50,Li,10,1",               // 8
                "CLASS,Art,Room Z,,,MONDAY,09:00,10:00,Wang,8,1",               // 9 unknown room
                "CLASS,Art,Room B,,,Funday,09:00,10:00,Wang,8,1",               // 10 weekday
                "CLASS,Dance,Room B,,,MONDAY,9am,10:00,,8,1",                   // 11 time
                "CLASS,Drama,Room B,,,FRIDAY,11:00,10:00,,8,1",                 // 12 end before start
                "CLASS,Chess,Room B,,,SATURDAY,14:00,15:00,,-3,1",              // 13 places
                "CLASS,Phonics A,Room A,,,TUESDAY,17:00,17:50,Li,10,1",         // 14 duplicate
                "CLASS,Maths,Room A,,,TUESDAY,17:30,18:30,Zhao,10,1",           // 15 double-booked by row 7
                "CLASS,Yoga,Old Hall,,,WEDNESDAY,10:30,11:30,,10,1",            // 16 double-booked by Old yoga
                "CLASS,Music,Room B,,,星期六,10:00,11:00,Chen,20,0");            // 17
        Map<Integer, String> planted = Map.ofEntries(Map.entry(4, "capacity NOT_A_POSITIVE_NUMBER"),
                Map.entry(5, "capacity NOT_A_POSITIVE_NUMBER"), Map.entry(6, "name DUPLICATE_ROW"),
                Map.entry(9, "room UNKNOWN_ROOM"), Map.entry(10, "weekday UNKNOWN_WEEKDAY"),
                Map.entry(11, "start UNREADABLE_TIME"), Map.entry(12, "end END_BEFORE_START"),
                Map.entry(13, "places NOT_A_POSITIVE_NUMBER"), Map.entry(14, "name DUPLICATE_ROW"),
                Map.entry(15, "room ROOM_DOUBLE_BOOKED"), Map.entry(16, "room ROOM_DOUBLE_BOOKED"));

        long before = eventCount();
        Http.Response dry = upload(MANAGER, "/api/imports/timetable/dry-run?centre=" + CENTRE, bad);
        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        Map<Integer, String> found = new HashMap<>();
        for (JsonNode p : dry.json().get("problems")) {
            assertThat(found.put(p.get("row").asInt(), p.get("column").asText() + " " + p.get("code").asText()))
                    .as("one problem a row: " + p).isNull();
        }
        assertThat(found).isEqualTo(planted);
        assertThat(dry.json().get("rows").asInt()).isEqualTo(16);
        assertThat(dry.json().get("problemRows").asInt()).isEqualTo(11);
        assertThat(dry.json().get("rooms").asInt()).isEqualTo(2);
        assertThat(dry.json().get("templates").asInt()).isEqualTo(3);
        Http.Response refused = upload(MANAGER, "/api/imports/timetable?centre=" + CENTRE, bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("IMPORT_HAS_PROBLEMS");
        assertThat(eventCount()).isEqualTo(before);

        String fixed = file(
                "ROOM,Room A,,CLASSROOM,12,,,,,,",
                "ROOM,Room B,,HALL,20,,,,,,",
                "ROOM,Room C,,CLASSROOM,15,,,,,,",
                "ROOM,old hall,,HALL,30,,,,,,",
                "CLASS,Phonics A,Room A,,,TUESDAY,17:00,17:50,Li,10,1",
                "课程,Phonics A,Room A,,,周四,17:00,17:50,Li,10,1",
                "CLASS,Art,Room C,,,MONDAY,09:00,10:00,Wang,8,1",
                "CLASS,Yoga,Old Hall,,,WEDNESDAY,12:00,13:00,,10,1",
                "CLASS,Music,Room B,,,星期六,10:00,11:00,Chen,20,0");
        Http.Response committed = upload(MANAGER, "/api/imports/timetable?centre=" + CENTRE, fixed);
        assertThat(committed.status()).as(committed.text()).isEqualTo(200);
        JsonNode outcome = committed.json();
        assertThat(outcome.get("rooms").asInt()).isEqualTo(3);
        assertThat(outcome.get("roomsAlreadyThere").asInt()).isEqualTo(1);
        assertThat(outcome.get("templates").asInt()).isEqualTo(5);
        assertThat(outcome.get("problems")).isEmpty();
        long position = outcome.get("position").asLong();

        // every day of the coming week: the five weekly classes and the old one, each once
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        List<String> titles = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            Http.Response day = http.get(MANAGER, "/api/views/timetable?centre=" + CENTRE + "&date="
                    + today.plusDays(d) + "&position=" + position);
            assertThat(day.status()).as(day.text()).isEqualTo(200);
            for (JsonNode session : day.json().get("sessions")) {
                titles.add(session.get("title").asText() + "@" + session.get("roomName").asText() + "/"
                        + session.get("places").asInt());
            }
        }
        assertThat(titles).containsExactlyInAnyOrder("Phonics A@Room A/10", "Phonics A@Room A/10",
                "Art@Room C/8", "Yoga@Old Hall/10", "Music@Room B/20", "Old yoga@Old Hall/10");

        // the same file again adds nothing
        long after = eventCount();
        Http.Response again = upload(MANAGER, "/api/imports/timetable?centre=" + CENTRE, fixed);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("rooms").asInt()).isZero();
        assertThat(again.json().get("templates").asInt()).isZero();
        assertThat(again.json().get("roomsAlreadyThere").asInt()).isEqualTo(4);
        assertThat(again.json().get("templatesAlreadyThere").asInt()).isEqualTo(5);
        assertThat(eventCount()).isEqualTo(after);
    }

    private static String file(String... rows) {
        return "\uFEFF" + HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    private Http.Response upload(String user, String path, String csv) {
        return http.send(user, "POST", path, Map.of("Content-Type", "text/csv"),
                HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
