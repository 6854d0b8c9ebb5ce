package com.deskledger.infra.shift;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A scripted week of centre "shiftlab" (Asia/Shanghai), Tuesday 10 to Sunday 15 November 2026, rostered by a
 * supervisor and worked by three receptionists; every figure of the roster, staff attendance and head-count views
 * is asserted against the value worked out by hand in the comments. The week is in the past, so the supervisor
 * records the clock times from the sign-in sheet; the staff tick their own checklists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShiftWeekIT extends IntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String SUPER = "shift-super";
    static final String A = "shift-desk-a";
    static final String B = "shift-desk-b";
    static final String C = "shift-desk-c";

    private Http api;
    private final Map<String, List<String>> checklists = new LinkedHashMap<>();
    private final Map<String, String> shifts = new LinkedHashMap<>();
    private long lastPosition;
    private Http.Response refusedClockOut;
    private Http.Response overlapping;
    private Http.Response wrongDay;
    private long eventsBeforeRefusals;
    private long eventsAfterRefusals;
    private long shiftEventsBeforeRefusal;
    private long shiftEventsAfterRefusal;
    private JsonNode rosterWhileAirConditioningOpen;

    @BeforeAll
    void scriptTheWeek() {
        api = new Http(port);
        for (JsonNode post : api.get(SUPER, "/api/shifts/posts").json()) {
            List<String> items = new ArrayList<>();
            post.get("checklist").forEach(item -> items.add(item.get("code").asText()));
            checklists.put(post.get("code").asText(), items);
        }

        // the supervisor rosters the week
        schedule("tue-a", A, "2026-11-10", "weekday-early");  // 09:00-18:00
        schedule("tue-b", B, "2026-11-10", "weekday-late");   // 12:30-21:30
        schedule("wed-a", A, "2026-11-11", "weekday-early");
        schedule("wed-b", B, "2026-11-11", "weekday-late");
        schedule("thu-a", A, "2026-11-12", "weekday-early");
        schedule("thu-b", B, "2026-11-12", "weekday-late");
        schedule("sat-c", C, "2026-11-14", "weekend-a");      // 08:30-18:00
        schedule("sun-c", C, "2026-11-15", "weekend-c");      // 08:30-18:00

        eventsBeforeRefusals = eventCount();
        overlapping = api.post(SUPER, "/api/shifts", "{\"staff\":\"" + A
                + "\",\"date\":\"2026-11-10\",\"post\":\"weekday-late\"}");
        wrongDay = api.post(SUPER, "/api/shifts", "{\"staff\":\"" + A
                + "\",\"date\":\"2026-11-14\",\"post\":\"weekday-early\"}");
        eventsAfterRefusals = eventCount();

        // Tuesday: A is 12 minutes late and ticks her whole checklist
        clock("tue-a", "in", "2026-11-10", "09:12");
        tick(A, "tue-a", checklists.get("weekday-early"));
        clock("tue-a", "out", "2026-11-10", "18:05");
        // B ticks everything but the air-conditioning, is refused at clock-out, ticks it, is clocked out
        clock("tue-b", "in", "2026-11-10", "12:25");
        tick(B, "tue-b", checklists.get("weekday-late").stream()
                .filter(item -> !item.equals("air-conditioning-off")).toList());
        long position = headCount(B, "tue-b", "phonics-1", "Phonics 1", "2026-11-10", "18:00", "201", 8);
        headCount(B, "tue-b", "maths-2", "Maths 2", "2026-11-10", "19:00", "202", 12);
        headCount(B, "tue-b", "phonics-1", "Phonics 1", "2026-11-10", "18:00", "201", 9); // the teacher recounted
        position = ok(api.post(B, "/api/shifts/" + shifts.get("tue-b") + "/hand-over",
                "{\"note\":\"Projector in room 201 flickers\"}"));
        rosterWhileAirConditioningOpen = api.get(B, "/api/views/roster?date=2026-11-10&position=" + position).json();
        shiftEventsBeforeRefusal = eventCount(shifts.get("tue-b"));
        refusedClockOut = api.post(B, "/api/shifts/" + shifts.get("tue-b") + "/clock-out", null);
        shiftEventsAfterRefusal = eventCount(shifts.get("tue-b"));
        tick(B, "tue-b", List.of("air-conditioning-off"));
        clock("tue-b", "out", "2026-11-10", "21:40");

        // Wednesday: A on time with half her checklist; B 10 minutes late with only the closing items
        clock("wed-a", "in", "2026-11-11", "08:55");
        tick(A, "wed-a", checklists.get("weekday-early").subList(0, 4));
        clock("wed-a", "out", "2026-11-11", "18:00");
        clock("wed-b", "in", "2026-11-11", "12:40");
        tick(B, "wed-b", List.of("water-off", "power-off", "windows-closed", "air-conditioning-off",
                "all-children-collected"));
        clock("wed-b", "out", "2026-11-11", "21:30");

        // Thursday: A never comes; B works it all and stays late: her clock-out is corrected to 21:45
        clock("thu-b", "in", "2026-11-12", "12:30");
        tick(B, "thu-b", checklists.get("weekday-late"));
        clock("thu-b", "out", "2026-11-12", "21:30");
        correct("thu-b", "OUT", "2026-11-12", "21:45", "stayed until the last child was collected");

        // Saturday: C clocked 08:45 but was there at 08:29 (slow terminal): corrected, so not late
        clock("sat-c", "in", "2026-11-14", "08:45");
        correct("sat-c", "IN", "2026-11-14", "08:29", "the clock terminal was slow");
        tick(C, "sat-c", checklists.get("weekend-a"));
        clock("sat-c", "out", "2026-11-14", "18:00");

        // Sunday: C on time, ticks nothing, leaves at 17:00
        clock("sun-c", "in", "2026-11-15", "08:30");
        lastPosition = clock("sun-c", "out", "2026-11-15", "17:00");
    }

    @Test
    void theDefaultPostsAreManual000sDutyTable() {
        assertThat(checklists.keySet()).contains("weekday-early", "weekday-late", "weekend-a", "weekend-b",
                "weekend-c", "reception-duty");
        assertThat(checklists.get("weekday-early")).contains("open-centre", "walk-round", "reception-checklist",
                "evening-class-roster", "hand-washing-temperature", "head-count");
        assertThat(checklists.get("weekday-late")).contains("class-roster-checks", "sign-in-and-leave",
                "children-handed-over", "parking-vouchers");
        JsonNode posts = api.get(A, "/api/shifts/posts").json();
        List<String> closing = new ArrayList<>();
        for (JsonNode post : posts) {
            post.get("checklist").forEach(item -> {
                if (item.get("closing").asBoolean()) {
                    closing.add(post.get("code").asText() + ":" + item.get("code").asText());
                }
            });
            if (post.get("code").asText().startsWith("weekend-")) {
                assertThat(post.get("days").toString()).isEqualTo("[\"SATURDAY\",\"SUNDAY\"]");
            }
        }
        assertThat(closing).containsExactly("weekday-late:water-off", "weekday-late:power-off",
                "weekday-late:windows-closed", "weekday-late:air-conditioning-off",
                "weekday-late:all-children-collected");
    }

    @Test
    void anOverlappingShiftAndAPostOnTheWrongDayAreRefusedAndStoreNothing() {
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.json().get("code").asText()).isEqualTo("SHIFT_OVERLAPS");
        assertThat(wrongDay.status()).isEqualTo(422);
        assertThat(wrongDay.json().get("code").asText()).isEqualTo("POST_NOT_ON_THAT_DAY");
        assertThat(eventsAfterRefusals).isEqualTo(eventsBeforeRefusals);
    }

    @Test
    void aClosingPostIsRefusedClockOutWithTheAirConditioningItemOpen() {
        assertThat(refusedClockOut.status()).isEqualTo(422);
        assertThat(refusedClockOut.json().get("code").asText()).isEqualTo("CLOSING_ITEMS_OPEN");
        assertThat(refusedClockOut.json().get("detail").asText()).contains("air-conditioning-off");
        assertThat(shiftEventsAfterRefusal).isEqualTo(shiftEventsBeforeRefusal);

        JsonNode b = entry(rosterWhileAirConditioningOpen, shifts.get("tue-b"));
        assertThat(b.get("openClosingItems").toString()).isEqualTo("[\"air-conditioning-off\"]");
        assertThat(b.get("clockedOut").asBoolean()).isFalse();
        assertThat(b.get("checklistTicked").asInt()).isEqualTo(12);
    }

    @Test
    void tuesdaysRosterShowsWhoIsOnWhichPostAndWhoWasLate() {
        Http.Response response = api.get(SUPER, "/api/views/roster?date=2026-11-10&position=" + lastPosition);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-DeskLedger-Consistent")).isEqualTo("true");
        JsonNode roster = response.json();
        assertThat(roster.get("centre").asText()).isEqualTo("shiftlab");
        assertThat(roster.get("zone").asText()).isEqualTo("Asia/Shanghai");
        JsonNode entries = roster.get("shifts");
        assertThat(entries).hasSize(2);

        JsonNode a = entries.get(0); // 09:00 comes before 12:30
        assertThat(a.get("shiftId").asText()).isEqualTo(shifts.get("tue-a"));
        assertThat(a.get("staff").asText()).isEqualTo(A);
        assertThat(a.get("post").asText()).isEqualTo("weekday-early");
        assertThat(a.get("postName").asText()).startsWith("Weekday early post");
        assertThat(a.get("plannedStart").asText()).isEqualTo("2026-11-10T01:00:00Z");
        assertThat(a.get("plannedEnd").asText()).isEqualTo("2026-11-10T10:00:00Z");
        assertThat(a.get("clockedIn").asBoolean()).isTrue();
        assertThat(a.get("clockIn").asText()).isEqualTo("2026-11-10T01:12:00Z");
        assertThat(a.get("late").asBoolean()).isTrue();
        assertThat(a.get("minutesLate").asInt()).isEqualTo(12);
        assertThat(a.get("overdue").asBoolean()).isFalse();
        assertThat(a.get("checklistItems").asInt()).isEqualTo(8);
        assertThat(a.get("checklistTicked").asInt()).isEqualTo(8);
        assertThat(a.get("checklist").get(0).get("tickedBy").asText()).isEqualTo(A);

        JsonNode b = entries.get(1);
        assertThat(b.get("staff").asText()).isEqualTo(B);
        assertThat(b.get("late").asBoolean()).isFalse();
        assertThat(b.get("minutesLate").asInt()).isZero();
        assertThat(b.get("clockedOut").asBoolean()).isTrue();
        assertThat(b.get("clockOut").asText()).isEqualTo("2026-11-10T13:40:00Z");
        assertThat(b.get("checklistItems").asInt()).isEqualTo(13);
        assertThat(b.get("checklistTicked").asInt()).isEqualTo(13);
        assertThat(b.get("openClosingItems")).isEmpty();
        assertThat(b.get("handOverNotes")).hasSize(1);
        assertThat(b.get("handOverNotes").get(0).get("note").asText()).isEqualTo("Projector in room 201 flickers");
    }

    @Test
    void thursdaysRosterShowsTheAbsentStaffMemberOverdueAndTheLastHandOver() {
        JsonNode roster = api.get(A, "/api/views/roster?date=2026-11-12&position=" + lastPosition).json();
        JsonNode a = entry(roster, shifts.get("thu-a"));
        assertThat(a.get("clockedIn").asBoolean()).isFalse();
        assertThat(a.get("overdue").asBoolean()).isTrue();
        assertThat(a.get("late").asBoolean()).isFalse();
        assertThat(a.has("minutesLate")).isFalse();
        JsonNode b = entry(roster, shifts.get("thu-b"));
        assertThat(b.get("clockOut").asText()).isEqualTo("2026-11-12T13:45:00Z"); // corrected from 13:30Z
        assertThat(b.get("corrections").asInt()).isEqualTo(1);
        // Wednesday left no note, so Tuesday's is the last hand-over before Thursday
        assertThat(roster.get("incomingHandOver")).hasSize(1);
        assertThat(roster.get("incomingHandOver").get(0).get("date").asText()).isEqualTo("2026-11-10");
        assertThat(roster.get("incomingHandOver").get(0).get("staff").asText()).isEqualTo(B);
    }

    @Test
    void staffAttendanceOfTheWeekMatchesTheFiguresWorkedOutByHand() {
        Http.Response response = api.get(SUPER, "/api/views/attendance/staff?from=2026-11-10&to=2026-11-15&position="
                + lastPosition);
        assertThat(response.status()).isEqualTo(200);
        JsonNode attendance = response.json();
        assertThat(attendance.get("staff").findValuesAsText("staff")).containsExactly(A, B, C);

        // A: Tue 09:12-18:05 (12 late, 8/8 ticked), Wed 08:55-18:00 (4/8), Thu absent
        JsonNode a = row(attendance, A);
        assertThat(a.get("shiftsScheduled").asLong()).isEqualTo(3);
        assertThat(a.get("shiftsWorked").asLong()).isEqualTo(2);
        assertThat(a.get("absences").asLong()).isEqualTo(1);
        assertThat(a.get("notClockedOut").asLong()).isZero();
        assertThat(a.get("lateArrivals").asLong()).isEqualTo(1);
        assertThat(a.get("minutesLate").asLong()).isEqualTo(12);
        assertThat(a.get("punctualityRate").asDouble()).isEqualTo(0.5);
        assertThat(a.get("plannedMinutes").asLong()).isEqualTo(3 * 540);
        assertThat(a.get("minutesWorked").asLong()).isEqualTo(533 + 545);
        assertThat(a.get("hoursWorked").asDouble()).isEqualTo(17.97);
        assertThat(a.get("checklistItems").asLong()).isEqualTo(16);
        assertThat(a.get("checklistItemsTicked").asLong()).isEqualTo(12);
        assertThat(a.get("checklistCompletionRate").asDouble()).isEqualTo(0.75);
        assertThat(a.get("corrections").asLong()).isZero();

        // B: Tue 12:25-21:40 (13/13), Wed 12:40-21:30 (10 late, 5/13), Thu 12:30-21:45 corrected (13/13)
        JsonNode b = row(attendance, B);
        assertThat(b.get("shiftsScheduled").asLong()).isEqualTo(3);
        assertThat(b.get("shiftsWorked").asLong()).isEqualTo(3);
        assertThat(b.get("absences").asLong()).isZero();
        assertThat(b.get("lateArrivals").asLong()).isEqualTo(1);
        assertThat(b.get("minutesLate").asLong()).isEqualTo(10);
        assertThat(b.get("punctualityRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(b.get("minutesWorked").asLong()).isEqualTo(555 + 530 + 555);
        assertThat(b.get("hoursWorked").asDouble()).isEqualTo(27.33);
        assertThat(b.get("checklistItems").asLong()).isEqualTo(39);
        assertThat(b.get("checklistItemsTicked").asLong()).isEqualTo(31);
        assertThat(b.get("checklistCompletionRate").asDouble()).isCloseTo(31.0 / 39, within(1e-9));
        assertThat(b.get("corrections").asLong()).isEqualTo(1);

        // C: Sat 08:29 (corrected from 08:45: not late) to 18:00, 10/10; Sun 08:30-17:00, 0/8
        JsonNode c = row(attendance, C);
        assertThat(c.get("shiftsWorked").asLong()).isEqualTo(2);
        assertThat(c.get("lateArrivals").asLong()).isZero();
        assertThat(c.get("minutesLate").asLong()).isZero();
        assertThat(c.get("punctualityRate").asDouble()).isEqualTo(1.0);
        assertThat(c.get("plannedMinutes").asLong()).isEqualTo(2 * 570);
        assertThat(c.get("minutesWorked").asLong()).isEqualTo(571 + 510);
        assertThat(c.get("hoursWorked").asDouble()).isEqualTo(18.02);
        assertThat(c.get("checklistItems").asLong()).isEqualTo(18);
        assertThat(c.get("checklistItemsTicked").asLong()).isEqualTo(10);
        assertThat(c.get("corrections").asLong()).isEqualTo(1);

        JsonNode total = attendance.get("total");
        assertThat(total.has("staff")).isFalse();
        assertThat(total.get("shiftsScheduled").asLong()).isEqualTo(8);
        assertThat(total.get("shiftsWorked").asLong()).isEqualTo(7);
        assertThat(total.get("absences").asLong()).isEqualTo(1);
        assertThat(total.get("lateArrivals").asLong()).isEqualTo(2);
        assertThat(total.get("minutesLate").asLong()).isEqualTo(22);
        assertThat(total.get("punctualityRate").asDouble()).isCloseTo(5.0 / 7, within(1e-9));
        assertThat(total.get("plannedMinutes").asLong()).isEqualTo(4380);
        assertThat(total.get("minutesWorked").asLong()).isEqualTo(3799);
        assertThat(total.get("hoursWorked").asDouble()).isEqualTo(63.32);
        assertThat(total.get("checklistItems").asLong()).isEqualTo(73);
        assertThat(total.get("checklistItemsTicked").asLong()).isEqualTo(53);
        assertThat(total.get("corrections").asLong()).isEqualTo(2);

        // one day of the range: Sunday only
        JsonNode sunday = api.get(SUPER, "/api/views/attendance/staff?from=2026-11-15&to=2026-11-15").json();
        assertThat(sunday.get("staff").findValuesAsText("staff")).containsExactly(C);
        assertThat(sunday.get("total").get("minutesWorked").asLong()).isEqualTo(510);
    }

    @Test
    void theTeachersHeadCountsAreKeptPerClassSessionLatestCountFirst() {
        JsonNode counts = api.get(B, "/api/views/attendance/headcounts?date=2026-11-10&position=" + lastPosition)
                .json();
        JsonNode sessions = counts.get("sessions");
        assertThat(sessions).hasSize(2);
        JsonNode phonics = sessions.get(0);
        assertThat(phonics.get("classId").asText()).isEqualTo("phonics-1");
        assertThat(phonics.get("className").asText()).isEqualTo("Phonics 1");
        assertThat(phonics.get("scheduledStart").asText()).isEqualTo("2026-11-10T10:00:00Z");
        assertThat(phonics.get("room").asText()).isEqualTo("201");
        assertThat(phonics.get("count").asInt()).isEqualTo(9);
        assertThat(phonics.get("recordings").asInt()).isEqualTo(2);
        assertThat(phonics.get("recordedBy").asText()).isEqualTo(B);
        assertThat(phonics.get("shiftId").asText()).isEqualTo(shifts.get("tue-b"));
        assertThat(phonics.get("teacher").asText()).isEqualTo("Teacher Li");
        assertThat(sessions.get(1).get("classId").asText()).isEqualTo("maths-2");
        assertThat(sessions.get(1).get("count").asInt()).isEqualTo(12);
        assertThat(api.get(B, "/api/views/attendance/headcounts?date=2026-11-11").json().get("sessions")).isEmpty();
    }

    @Test
    void auditorsOfTheCentreReadTheViewsOthersAreRefused() {
        assertThat(api.get("shift-audit", "/api/views/roster?centre=shiftlab&date=2026-11-10").status())
                .isEqualTo(200);
        assertThat(api.get("shift-audit", "/api/views/attendance/staff?from=2026-11-10&to=2026-11-15").json()
                .get("total").get("shiftsWorked").asLong()).isEqualTo(7);
        Http.Response foreign = api.get("reception-east", "/api/views/roster?centre=shiftlab&date=2026-11-10");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("code").asText()).isEqualTo("FORBIDDEN_CENTRE");
        Http.Response backwards = api.get(SUPER, "/api/views/attendance/staff?from=2026-11-15&to=2026-11-10");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").findValuesAsText("field")).containsExactly("to");
        assertThat(api.get(SUPER, "/api/views/attendance/staff?from=2026-11-10").status()).isEqualTo(400);
    }

    private void schedule(String key, String staff, String date, String post) {
        Http.Response response = api.post(SUPER, "/api/shifts", "{\"staff\":\"" + staff + "\",\"date\":\"" + date
                + "\",\"post\":\"" + post + "\"}");
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/api/shifts/" + response.json().get("id").asText());
        shifts.put(key, response.json().get("id").asText());
    }

    private long clock(String key, String inOrOut, String date, String time) {
        return ok(api.post(SUPER, "/api/shifts/" + shifts.get(key) + "/clock-" + inOrOut,
                "{\"at\":\"" + instant(date, time) + "\"}"));
    }

    private void correct(String key, String punch, String date, String time, String reason) {
        ok(api.post(SUPER, "/api/shifts/" + shifts.get(key) + "/corrections", "{\"punch\":\"" + punch
                + "\",\"time\":\"" + instant(date, time) + "\",\"reason\":\"" + reason + "\"}"));
    }

    private void tick(String user, String key, List<String> items) {
        for (String item : items) {
            ok(api.post(user, "/api/shifts/" + shifts.get(key) + "/checklist/" + item, null));
        }
    }

    private long headCount(String user, String key, String classId, String className, String date, String start,
                           String room, int count) {
        Http.Response response = api.post(user, "/api/shifts/" + shifts.get(key) + "/head-counts",
                "{\"classId\":\"" + classId + "\",\"className\":\"" + className + "\",\"scheduledStart\":\""
                        + instant(date, start) + "\",\"room\":\"" + room + "\",\"count\":" + count
                        + ",\"teacher\":\"Teacher Li\"}");
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.json().get("headCountId").asText()).isNotBlank();
        return response.json().get("position").asLong();
    }

    private static long ok(Http.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("X-DeskLedger-Position")).isEqualTo(response.json().get("position").asText());
        return response.json().get("position").asLong();
    }

    static String instant(String date, String time) {
        return LocalDate.parse(date).atTime(LocalTime.parse(time)).atZone(ZONE).toInstant().toString();
    }

    private static JsonNode entry(JsonNode roster, String shiftId) {
        for (JsonNode entry : roster.get("shifts")) {
            if (entry.get("shiftId").asText().equals(shiftId)) {
                return entry;
            }
        }
        throw new AssertionError("no shift " + shiftId + " on the roster");
    }

    private static JsonNode row(JsonNode attendance, String staff) {
        for (JsonNode row : attendance.get("staff")) {
            if (row.get("staff").asText().equals(staff)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + staff);
    }
}
