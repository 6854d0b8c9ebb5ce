package com.deskledger.infra.shift;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.deskledger.infra.shift.ShiftWeekIT.ZONE;
import static com.deskledger.infra.shift.ShiftWeekIT.instant;
import static org.assertj.core.api.Assertions.assertThat;

/** The shift rules through HTTP: who may do what, overlaps, reassigning and cancelling, clocking now, audit. */
class ShiftRulesIT extends IntegrationTest {

    private static final String SUPER = "shift-super";

    @Test
    void aReceptionistWhoClocksInHerselfTwelveMinutesAfterThePlannedStartIsLate() {
        ZonedDateTime start = ZonedDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).minusMinutes(12);
        String shift = schedule("shift-desk-d", start.toLocalDate().toString(), "reception-duty",
                start.toLocalTime().toString(), start.plusHours(6).toLocalTime().toString());

        Http.Response ownTime = http.post("shift-desk-d", "/api/shifts/" + shift + "/clock-in",
                "{\"at\":\"" + start.toInstant() + "\"}");
        assertThat(ownTime.status()).isEqualTo(403);
        assertThat(ownTime.json().get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        long before = eventCount(shift);
        Http.Response colleague = http.post("shift-desk-a", "/api/shifts/" + shift + "/clock-in", null);
        assertThat(colleague.status()).isEqualTo(403);
        assertThat(colleague.json().get("code").asText()).isEqualTo("NOT_YOUR_SHIFT");
        assertThat(eventCount(shift)).isEqualTo(before);

        Http.Response clockedIn = http.post("shift-desk-d", "/api/shifts/" + shift + "/clock-in", null);
        assertThat(clockedIn.status()).as(clockedIn.text()).isEqualTo(200);
        JsonNode entry = entry(http.get("shift-desk-d", "/api/views/roster?date=" + start.toLocalDate()
                + "&position=" + clockedIn.json().get("position").asLong()).json(), shift);
        Instant clockIn = Instant.parse(entry.get("clockIn").asText());
        assertThat(entry.get("clockedIn").asBoolean()).isTrue();
        assertThat(entry.get("late").asBoolean()).isTrue();
        assertThat(entry.get("minutesLate").asLong())
                .isEqualTo(Duration.between(start.toInstant(), clockIn).toMinutes())
                .isGreaterThanOrEqualTo(12);

        assertThat(http.post("shift-desk-a", "/api/shifts/" + shift + "/checklist/desk-ready", null).status())
                .isEqualTo(403);
        Http.Response unknownItem = http.post("shift-desk-d", "/api/shifts/" + shift + "/checklist/tea", null);
        assertThat(unknownItem.status()).isEqualTo(404);
        assertThat(unknownItem.json().get("code").asText()).isEqualTo("CHECKLIST_ITEM_UNKNOWN");
        assertThat(http.post("shift-desk-d", "/api/shifts/" + shift + "/checklist/desk-ready", null).status())
                .isEqualTo(200);
        Http.Response twice = http.post("shift-desk-d", "/api/shifts/" + shift + "/checklist/desk-ready", null);
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().get("code").asText()).isEqualTo("CHECKLIST_ITEM_ALREADY_TICKED");
        assertThat(http.post("shift-desk-d", "/api/shifts/" + shift + "/hand-over", "{\"note\":\"Keys at desk\"}")
                .status()).isEqualTo(200);
        Http.Response out = http.post("shift-desk-d", "/api/shifts/" + shift + "/clock-out", null);
        assertThat(out.status()).as(out.text()).isEqualTo(200);
        Http.Response again = http.post("shift-desk-d", "/api/shifts/" + shift + "/clock-out", null);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("code").asText()).isEqualTo("ALREADY_CLOCKED_OUT");
        Http.Response lateCount = http.post("shift-desk-d", "/api/shifts/" + shift + "/head-counts",
                "{\"classId\":\"c-1\",\"className\":\"C 1\",\"scheduledStart\":\"" + start.toInstant()
                        + "\",\"room\":\"1\",\"count\":3}");
        assertThat(lateCount.status()).isEqualTo(422);
        assertThat(lateCount.json().get("code").asText()).isEqualTo("ALREADY_CLOCKED_OUT");
    }

    @Test
    void reassigningAndCancellingBeforeTheStartReleaseTheStaffMembersTime() {
        String first = schedule("rules-xu", "2030-01-08", "weekday-early", null, null);
        String second = schedule("rules-yang", "2030-01-08", "weekday-early", null, null);

        long before = eventCount();
        Http.Response busy = http.post(SUPER, "/api/shifts/" + first + "/reassignment",
                "{\"staff\":\"rules-yang\",\"reason\":\"swap\"}");
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.json().get("code").asText()).isEqualTo("SHIFT_OVERLAPS");
        assertThat(eventCount()).isEqualTo(before);

        assertThat(http.post(SUPER, "/api/shifts/" + second + "/cancellation", "{\"reason\":\"training day\"}")
                .status()).isEqualTo(200);
        assertThat(http.post(SUPER, "/api/shifts/" + first + "/reassignment", "{\"staff\":\"rules-yang\"}")
                .status()).isEqualTo(200);
        String third = schedule("rules-xu", "2030-01-08", "weekday-early", null, null); // Xu is free again

        Http.Response sameStaff = http.post(SUPER, "/api/shifts/" + first + "/reassignment",
                "{\"staff\":\"rules-yang\"}");
        assertThat(sameStaff.status()).isEqualTo(422);
        assertThat(sameStaff.json().get("code").asText()).isEqualTo("REASSIGN_TO_SAME_STAFF");
        Http.Response cancelledAgain = http.post(SUPER, "/api/shifts/" + second + "/cancellation", null);
        assertThat(cancelledAgain.status()).isEqualTo(422);
        assertThat(cancelledAgain.json().get("code").asText()).isEqualTo("SHIFT_CANCELLED");
        Http.Response reassignCancelled = http.post(SUPER, "/api/shifts/" + second + "/reassignment",
                "{\"staff\":\"rules-zhou\"}");
        assertThat(reassignCancelled.status()).isEqualTo(422);
        assertThat(reassignCancelled.json().get("code").asText()).isEqualTo("SHIFT_CANCELLED");

        Http.Response roster = http.get(SUPER, "/api/views/roster?date=2030-01-08&position="
                + http.post(SUPER, "/api/shifts/" + third + "/reassignment", "{\"staff\":\"rules-zhou\"}")
                .json().get("position").asLong());
        JsonNode shifts = roster.json().get("shifts");
        assertThat(shifts.findValuesAsText("shiftId")).containsExactlyInAnyOrder(first, third);
        assertThat(entry(roster.json(), first).get("staff").asText()).isEqualTo("rules-yang");
        assertThat(entry(roster.json(), third).get("staff").asText()).isEqualTo("rules-zhou");
        assertThat(entry(roster.json(), first).get("overdue").asBoolean()).isFalse();
    }

    @Test
    void aShiftThatHasStartedCanNoLongerBeReassignedOrCancelled() {
        String started = schedule("rules-wu", "2026-10-06", "weekday-early", null, null);
        long before = eventCount(started);
        Http.Response reassign = http.post(SUPER, "/api/shifts/" + started + "/reassignment",
                "{\"staff\":\"rules-zheng\"}");
        assertThat(reassign.status()).isEqualTo(422);
        assertThat(reassign.json().get("code").asText()).isEqualTo("SHIFT_ALREADY_STARTED");
        Http.Response cancel = http.post(SUPER, "/api/shifts/" + started + "/cancellation", null);
        assertThat(cancel.status()).isEqualTo(422);
        assertThat(cancel.json().get("code").asText()).isEqualTo("SHIFT_ALREADY_STARTED");
        assertThat(eventCount(started)).isEqualTo(before);
    }

    @Test
    void onlySupervisorsOfTheShiftsCentreScheduleReassignCancelAndCorrect() {
        String shift = schedule("rules-he", "2030-01-09", "weekday-late", null, null);
        long before = eventCount();
        for (Http.Response refused : List.of(
                http.post("shift-desk-a", "/api/shifts", "{\"staff\":\"rules-he\",\"date\":\"2030-01-10\","
                        + "\"post\":\"weekday-late\"}"),
                http.post("shift-desk-a", "/api/shifts/" + shift + "/reassignment", "{\"staff\":\"shift-desk-a\"}"),
                http.post("shift-desk-a", "/api/shifts/" + shift + "/cancellation", null),
                http.post("shift-desk-a", "/api/shifts/" + shift + "/corrections",
                        "{\"punch\":\"IN\",\"time\":\"2030-01-09T04:30:00Z\",\"reason\":\"r\"}"))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        }
        Http.Response otherCentre = http.post("supervisor", "/api/shifts/" + shift + "/cancellation", null);
        assertThat(otherCentre.status()).isEqualTo(403);
        assertThat(otherCentre.json().get("code").asText()).isEqualTo("FORBIDDEN_CENTRE");
        Http.Response otherCentreReassign = http.post("supervisor", "/api/shifts/" + shift + "/reassignment",
                "{\"staff\":\"supervisor\"}");
        assertThat(otherCentreReassign.status()).isEqualTo(403);
        Http.Response scheduleElsewhere = http.post("supervisor", "/api/shifts",
                "{\"centre\":\"shiftlab\",\"staff\":\"rules-he\",\"date\":\"2030-01-10\",\"post\":\"weekday-late\"}");
        assertThat(scheduleElsewhere.status()).isEqualTo(403);
        assertThat(http.post("shift-audit", "/api/shifts/" + shift + "/cancellation", null).status())
                .isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);

        Http.Response unknown = http.post(SUPER, "/api/shifts/" + UUID.randomUUID() + "/cancellation",
                null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(http.post(SUPER, "/api/shifts/not-a-shift/clock-in", null).status()).isEqualTo(404);
        assertThat(http.post(SUPER, "/api/shifts/" + UUID.randomUUID() + "/reassignment",
                "{\"staff\":\"x\"}").status()).isEqualTo(404);
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndStoreNothing() {
        long before = eventCount();
        Http.Response noStaff = http.post(SUPER, "/api/shifts", "{\"date\":\"2030-01-10\",\"post\":\"weekday-late\"}");
        assertThat(noStaff.status()).isEqualTo(400);
        assertThat(noStaff.json().get("errors").findValuesAsText("field")).containsExactly("staff");
        Http.Response unknownPost = http.post(SUPER, "/api/shifts",
                "{\"staff\":\"rules-he\",\"date\":\"2030-01-10\",\"post\":\"night-watch\"}");
        assertThat(unknownPost.status()).isEqualTo(400);
        assertThat(unknownPost.json().get("errors").findValuesAsText("field")).containsExactly("post");
        assertThat(unknownPost.json().get("errors").findValuesAsText("code")).containsExactly("UNKNOWN_POST");
        Http.Response badDate = http.post(SUPER, "/api/shifts",
                "{\"staff\":\"rules-he\",\"date\":\"10/01/2030\",\"post\":\"weekday-late\"}");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").findValuesAsText("field")).containsExactly("date");
        assertThat(eventCount()).isEqualTo(before);

        String shift = schedule("shift-desk-a", "2026-10-13", "weekday-late", "13:00", "21:00");
        assertThat(http.post(SUPER, "/api/shifts/" + shift + "/clock-in",
                "{\"at\":\"" + instant("2026-10-13", "13:00") + "\"}").status()).isEqualTo(200);
        Http.Response noReason = http.post(SUPER, "/api/shifts/" + shift + "/corrections",
                "{\"punch\":\"IN\",\"time\":\"" + instant("2026-10-13", "12:59") + "\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsText("field")).containsExactly("reason");
        Http.Response negative = http.post("shift-desk-a", "/api/shifts/" + shift + "/head-counts",
                "{\"classId\":\"c-1\",\"className\":\"C 1\",\"scheduledStart\":\"2026-10-13T10:00:00Z\","
                        + "\"room\":\"1\",\"count\":-1}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").findValuesAsText("field")).containsExactly("count");
        Http.Response future = http.post(SUPER, "/api/shifts/" + shift + "/corrections",
                "{\"punch\":\"IN\",\"time\":\"2100-01-01T00:00:00Z\",\"reason\":\"typo\"}");
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("code").asText()).isEqualTo("CLOCK_TIME_IN_FUTURE");
    }

    @Test
    void concurrentRequestsForOverlappingShiftsOfOneStaffMemberGiveExactlyOneShift() throws Exception {
        int requests = 8;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                String start = "09:0" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return http.post(SUPER, "/api/shifts", "{\"staff\":\"rules-race\",\"date\":\"2030-02-05\","
                            + "\"post\":\"weekday-early\",\"start\":\"" + start + "\",\"end\":\"17:00\"}");
                }));
            }
            go.countDown();
            int created = 0;
            for (Future<Http.Response> answer : answers) {
                Http.Response response = answer.get();
                if (response.status() == 201) {
                    created++;
                } else {
                    assertThat(response.status()).as(response.text()).isEqualTo(409);
                    assertThat(response.json().get("code").asText()).isEqualTo("SHIFT_OVERLAPS");
                }
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from shift_slot where staff = 'rules-race' and active",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from domainevententry where payloadtype like '%ShiftScheduledEvent'
                and convert_from(payload, 'UTF8')::jsonb->>'staff' = 'rules-race'""", Long.class)).isEqualTo(1);
    }

    @Test
    void theAuditTrailOfAShiftKeepsTheOriginalClockTimeBesideItsCorrection() {
        String shift = schedule("shift-desk-b", "2026-10-07", "weekday-late", null, null);
        assertThat(http.post(SUPER, "/api/shifts/" + shift + "/clock-in",
                "{\"at\":\"" + instant("2026-10-07", "12:45") + "\"}").status()).isEqualTo(200);
        Http.Response corrected = http.post(SUPER, "/api/shifts/" + shift + "/corrections",
                "{\"punch\":\"IN\",\"time\":\"" + instant("2026-10-07", "12:31") + "\",\"reason\":\"signed the "
                        + "paper sheet at 12:31\"}", Map.of("X-Correlation-Id", "shift-correction-1"));
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);

        Http.Response audit = http.get("shift-audit", "/api/audit/shifts/" + shift + "/events");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.json().get("aggregateType").asText()).isEqualTo("Shift");
        assertThat(audit.json().get("centre").asText()).isEqualTo("shiftlab");
        JsonNode events = audit.json().get("events");
        assertThat(events.findValuesAsText("type")).containsExactly("ShiftScheduledEvent", "ShiftClockedInEvent",
                "ClockTimeCorrectedEvent");
        JsonNode clockedIn = events.get(1).get("payload");
        assertThat(clockedIn.get("time").asText()).isEqualTo("2026-10-07T04:45:00Z");
        assertThat(clockedIn.get("minutesLate").asInt()).isEqualTo(15);
        JsonNode correction = events.get(2);
        assertThat(correction.get("payload").get("previousTime").asText()).isEqualTo("2026-10-07T04:45:00Z");
        assertThat(correction.get("payload").get("correctedTime").asText()).isEqualTo("2026-10-07T04:31:00Z");
        assertThat(correction.get("payload").get("minutesLate").asInt()).isEqualTo(1);
        assertThat(correction.get("payload").get("reason").asText()).isEqualTo("signed the paper sheet at 12:31");
        assertThat(correction.get("revision").asText()).isEqualTo("1");
        assertThat(correction.get("metadata").get("user").asText()).isEqualTo(SUPER);
        assertThat(correction.get("metadata").get("roles").asText()).isEqualTo("RECEPTIONIST,SUPERVISOR");
        assertThat(correction.get("metadata").get("centre").asText()).isEqualTo("shiftlab");
        assertThat(correction.get("metadata").get("correlationId").asText()).isEqualTo("shift-correction-1");
        assertThat(events.get(0).get("payload").get("checklist")).hasSize(13);
        assertThat(events.get(0).get("payload").get("date").asText()).isEqualTo("2026-10-07");

        Http.Response otherCentre = http.get("auditor", "/api/audit/shifts/" + shift + "/events");
        assertThat(otherCentre.status()).isEqualTo(403);
        assertThat(otherCentre.json().get("code").asText()).isEqualTo("FORBIDDEN_CENTRE");
        assertThat(http.get("shift-desk-b", "/api/audit/shifts/" + shift + "/events").status()).isEqualTo(403);
        assertThat(http.get("shift-audit", "/api/audit/shifts/" + UUID.randomUUID() + "/events")
                .status()).isEqualTo(404);
        assertThat(http.get("shift-audit", "/api/audit/visits/" + shift + "/events").status()).isEqualTo(404);

        JsonNode roster = http.get("shift-audit", "/api/views/roster?centre=shiftlab&date=2026-10-07&position="
                + corrected.json().get("position").asLong()).json();
        JsonNode entry = entry(roster, shift);
        assertThat(entry.get("clockIn").asText()).isEqualTo("2026-10-07T04:31:00Z");
        assertThat(entry.get("minutesLate").asInt()).isEqualTo(1);
        assertThat(entry.get("corrections").asInt()).isEqualTo(1);
    }

    private String schedule(String staff, String date, String post, String start, String end) {
        Http.Response response = http.post(SUPER, "/api/shifts", "{\"staff\":\"" + staff + "\",\"date\":\"" + date
                + "\",\"post\":\"" + post + "\"" + (start == null ? "" : ",\"start\":\"" + start + "\"")
                + (end == null ? "" : ",\"end\":\"" + end + "\"") + "}");
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static JsonNode entry(JsonNode roster, String shiftId) {
        for (JsonNode entry : roster.get("shifts")) {
            if (entry.get("shiftId").asText().equals(shiftId)) {
                return entry;
            }
        }
        throw new AssertionError("no shift " + shiftId + " on the roster");
    }
}
