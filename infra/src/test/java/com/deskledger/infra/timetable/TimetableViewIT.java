package com.deskledger.infra.timetable;

import com.deskledger.infra.support.CommitHold;
import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.kernel.timetable.session.command.BookSessionCommand;
import com.deskledger.kernel.timetable.session.command.ScheduleSessionCommand;
import com.deskledger.query.web.ProjectionPositions;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timetable views through HTTP: a day's timetable with its roster figures and the teacher's head-count, the
 * room calendar, a member's upcoming bookings and the template figures; and the view equal to its rebuild after
 * concurrent writers whose commits landed out of order.
 */
class TimetableViewIT extends IntegrationTest {

    private static final String SUPER = TimetableIT.SUPER;
    private static final String DESK = TimetableIT.DESK;
    private static final ZoneId ZONE = TimetableIT.ZONE;

    @Autowired
    CommitHold hold;
    @Autowired
    ProjectionPositions positions;

    private final ExecutorService requests = Executors.newFixedThreadPool(8);
    private final List<CommitHold.Hold> holds = new ArrayList<>();

    @AfterEach
    void stopRequests() {
        requests.shutdownNow();
    }

    @Test
    void theDaysTimetableTheRoomCalendarAndAMembersBookings() {
        String room = room(10);
        LocalDate day = LocalDate.now(ZONE).plusDays(2);
        Instant start = day.atTime(16, 0).atZone(ZONE).toInstant();
        String session = ok(http.post(SUPER, "/api/timetable/sessions", "{\"kind\":\"CLASS\",\"title\":\"Phonics V\","
                + "\"room\":\"" + room + "\",\"teacher\":\"Li\",\"start\":\"" + start + "\",\"end\":\""
                + start.plusSeconds(3000) + "\",\"places\":2,\"credits\":1}")).get("id").asText();
        String a = member();
        String b = member();
        String c = member();
        ok(book(session, a));
        ok(book(session, b));
        long position = ok(book(session, c)).get("position").asLong();

        JsonNode timetable = ok(http.get(DESK, "/api/views/timetable?date=" + day + "&position=" + position));
        JsonNode row = find(timetable.get("sessions"), session);
        assertThat(row.get("title").asText()).isEqualTo("Phonics V");
        assertThat(row.get("teacher").asText()).isEqualTo("Li");
        assertThat(row.get("places").asInt()).isEqualTo(2);
        assertThat(row.get("booked").asInt()).isEqualTo(2);
        assertThat(row.get("waiting").asInt()).isEqualTo(1);
        assertThat(row.get("roomName").asText()).startsWith("View room ");

        JsonNode bookings = ok(http.get(DESK, "/api/views/timetable/members/" + c + "/bookings?position="
                + position)).get("bookings");
        assertThat(bookings).hasSize(1);
        assertThat(bookings.get(0).get("status").asText()).isEqualTo("WAITING");
        assertThat(bookings.get(0).get("waitingPosition").asInt()).isEqualTo(1);

        long leave = ok(http.post(DESK, "/api/timetable/sessions/" + session + "/leaves", "{\"memberId\":\"" + a
                + "\"}")).get("position").asLong();
        JsonNode promoted = ok(http.get(DESK, "/api/views/timetable/members/" + c + "/bookings?position=" + leave))
                .get("bookings");
        assertThat(promoted.get(0).get("status").asText()).isEqualTo("BOOKED");
        JsonNode after = find(ok(http.get(DESK, "/api/views/timetable?date=" + day + "&position=" + leave))
                .get("sessions"), session);
        assertThat(after.get("booked").asInt()).isEqualTo(2);
        assertThat(after.get("waiting").asInt()).isZero();
        assertThat(after.get("onLeave").asInt()).isEqualTo(1);

        JsonNode week = ok(http.get(DESK, "/api/views/timetable/rooms?from=" + day + "&position=" + leave));
        JsonNode ofRoom = null;
        for (JsonNode r : week.get("rooms")) {
            if (r.get("roomId").asText().equals(room)) {
                ofRoom = r;
            }
        }
        assertThat(ofRoom).isNotNull();
        assertThat(ofRoom.get("sessions").findValuesAsText("sessionId")).containsExactly(session);
        assertThat(http.get("tt-super-b", "/api/views/timetable?centre=timetable").status()).isEqualTo(403);
    }

    @Test
    void aHeadCountThatDiffersFromTheRosterShowsAsAMismatch() {
        String room = room(10);
        Instant start = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        String session = ok(http.post(SUPER, "/api/timetable/sessions", "{\"kind\":\"CLASS\",\"title\":\"Counted\","
                + "\"room\":\"" + room + "\",\"start\":\"" + start + "\",\"end\":\"" + start.plusSeconds(3000)
                + "\",\"places\":3,\"credits\":1}")).get("id").asText();
        ok(http.post(DESK, "/api/timetable/sessions/" + session + "/check-ins", "{\"memberId\":\"" + member()
                + "\"}"));
        long position = ok(http.post(DESK, "/api/timetable/sessions/" + session + "/head-counts",
                "{\"count\":2,\"teacher\":\"Li\"}")).get("position").asLong();
        LocalDate day = LocalDate.ofInstant(start, ZONE);
        JsonNode timetable = ok(http.get(DESK, "/api/views/timetable?date=" + day + "&position=" + position));
        JsonNode row = find(timetable.get("sessions"), session);
        assertThat(row.get("present").asInt()).isEqualTo(1);
        assertThat(row.get("walkIns").asInt()).isEqualTo(1);
        assertThat(row.get("headCount").asInt()).isEqualTo(2);
        assertThat(row.get("headCountMismatch").asBoolean()).isTrue();
        assertThat(timetable.get("mismatches").asInt()).isPositive();
    }

    @Test
    void theTimetableViewEqualsItsRebuildAfterConcurrentWritersCommittedOutOfOrder() throws Exception {
        String room = room(20);
        String other = room(20);
        Instant start = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
        // a session scheduled first commits after one scheduled later in another room
        CompletableFuture<Http.Response> first = held(ScheduleSessionCommand.class::isInstance,
                () -> http.post(SUPER, "/api/timetable/sessions", sessionBody(room, start, 5)));
        String second = ok(http.post(SUPER, "/api/timetable/sessions", sessionBody(other, start, 1)))
                .get("id").asText();
        String held = release(first).get("id").asText();
        // a booking of one session commits after bookings and a waitlisting of the other
        String a = member();
        String b = member();
        String c = member();
        CompletableFuture<Http.Response> booking = held(command -> command instanceof BookSessionCommand book
                && book.sessionId().value().equals(held), () -> book(held, a));
        ok(book(second, b));
        ok(book(second, c));
        release(booking);
        // concurrent writers on many sessions at once
        List<CompletableFuture<Http.Response>> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String m = member();
            burst.add(CompletableFuture.supplyAsync(() -> book(held, m), requests));
            burst.add(CompletableFuture.supplyAsync(() -> book(second, m), requests));
        }
        for (CompletableFuture<Http.Response> response : burst) {
            assertThat(response.get(60, TimeUnit.SECONDS).status()).isBetween(200, 299);
        }
        long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        await("the timetable view to catch up", () -> positions.await("timetable", head));
        JsonNode verdict = ok(http.post("auditor", "/api/audit/views/timetable/verify", null));
        assertThat(verdict.get("identical").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("events").get("equal").asBoolean()).as(verdict.toString()).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private CompletableFuture<Http.Response> held(Predicate<Object> command, Supplier<Http.Response> request) {
        CommitHold.Hold armed = hold.next(command);
        CompletableFuture<Http.Response> response = CompletableFuture.supplyAsync(request, requests);
        armed.awaitHeld();
        holds.add(armed);
        return response;
    }

    private JsonNode release(CompletableFuture<Http.Response> response) throws Exception {
        holds.remove(0).release();
        return ok(response.get(30, TimeUnit.SECONDS));
    }

    private static String sessionBody(String room, Instant start, int places) {
        return "{\"kind\":\"CLASS\",\"title\":\"Out of order\",\"room\":\"" + room + "\",\"start\":\"" + start
                + "\",\"end\":\"" + start.plusSeconds(3000) + "\",\"places\":" + places + ",\"credits\":1}";
    }

    private Http.Response book(String session, String member) {
        return http.post(DESK, "/api/timetable/sessions/" + session + "/bookings", "{\"memberId\":\"" + member
                + "\"}");
    }

    private String room(int capacity) {
        return ok(http.post(SUPER, "/api/timetable/rooms", "{\"name\":\"View room "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"kind\":\"CLASSROOM\",\"capacity\":" + capacity
                + "}")).get("id").asText();
    }

    private String member() {
        String phone = "138" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
        String id = ok(http.post(DESK, "/api/members", "{\"kind\":\"ADULT\",\"name\":\"Viewer "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"phone\":\"" + phone + "\"}")).get("id").asText();
        ok(http.post(DESK, "/api/members/" + id + "/packages", "{\"plan\":\"classes\",\"kind\":\"CREDIT_PACK\","
                + "\"credits\":5,\"price\":{\"minor\":100000},\"paymentMethod\":\"CASH\"}"));
        return id;
    }

    private static JsonNode find(JsonNode sessions, String id) {
        for (JsonNode session : sessions) {
            if (session.get("sessionId").asText().equals(id)) {
                return session;
            }
        }
        throw new AssertionError("no session " + id + " in " + sessions);
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.text()).isBetween(200, 299);
        return response.json();
    }
}
