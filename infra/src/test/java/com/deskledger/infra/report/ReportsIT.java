package com.deskledger.infra.report;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.infra.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A scripted week of centre "reports" (Asia/Shanghai): ISO week 2026-W47, Monday 16 to Sunday 22 November 2026,
 * plus one visit on Monday 23 November (next week, same month). Every figure of the weekly report and of the
 * monthly assessment is worked out by hand in the comments. The clock is pinned to each action's time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT extends IntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String CENTRE = "reports";
    static final String SUPER = "rep-super";
    static final String A = "rep-desk-a";
    static final String B = "rep-desk-b";
    static final String MANAGER = "rep-manager";
    static final String AUDITOR = "rep-audit";

    private Http api;
    private long position;
    private final Map<String, List<String>> checklists = new LinkedHashMap<>();
    private final Map<String, String> shifts = new LinkedHashMap<>();

    @BeforeAll
    void scriptTheWeek() {
        api = new Http(port);
        for (JsonNode post : api.get(SUPER, "/api/shifts/posts").json()) {
            List<String> items = new ArrayList<>();
            post.get("checklist").forEach(item -> items.add(item.get("code").asText()));
            checklists.put(post.get("code").asText(), items);
        }
        // shifts, clocked by the supervisor from the sign-in sheet (the clock runs: the week is past)
        schedule("wed-a", A, "2026-11-18", "weekday-early");   // 09:00-18:00
        schedule("tue-b", B, "2026-11-17", "weekday-late");    // 12:30-21:30
        schedule("sat-b", B, "2026-11-21", "weekend-a");       // never clocked in
        clock("wed-a", "in", "2026-11-18T09:12");              // 12 minutes late
        tick(A, "wed-a", checklists.get("weekday-early").subList(0, 4));
        clock("wed-a", "out", "2026-11-18T18:00");
        clock("tue-b", "in", "2026-11-17T12:25");              // early
        tick(B, "tue-b", checklists.get("weekday-late"));
        // the teacher counts 2 children in the 16:00 class; one member checked in (below): a mismatch
        created(B, "/api/shifts/" + shifts.get("tue-b") + "/head-counts", json("classId", "phonics-r",
                "className", "Phonics R", "scheduledStart", at("2026-11-17T16:00").toString(), "room", "room 1",
                "count", 2, "teacher", "Teacher Li"));
        clock("tue-b", "out", "2026-11-17T21:30");

        try {
            // visits and calls
            pin("2026-11-16T10:00");
            visit(A, "WALK_IN", "CONSULTATION", null);
            pin("2026-11-16T10:30");
            String enrolling = visit(A, "WALK_IN", "ENROLMENT", null);
            pin("2026-11-17T11:00");
            visit(A, "CALL_IN", "CONSULTATION", 2);
            pin("2026-11-17T11:30");
            visit(B, "CALL_IN", "BOOKING", 5);
            pin("2026-11-18T09:00");
            visit(B, "CALL_IN", "CONSULTATION", 3);

            // the enrolling visitor becomes a member (a conversion) and buys ten classes from A
            pin("2026-11-16T10:40");
            String member = created(A, "/api/members", json("centre", CENTRE, "kind", "CHILD", "name", "Wang Xiao",
                    "guardianName", "Wang Li", "guardianPhone", "13600009999", "visitId", enrolling))
                    .get("id").asText();
            pin("2026-11-16T10:45");
            created(A, "/api/members/" + member + "/packages", json("plan", "10 classes", "kind", "CREDIT_PACK",
                    "credits", 10, "price", Map.of("minor", 199_000), "paymentMethod", "WECHAT_PAY",
                    "invoiceNumber", "INV-R1"));
            // B sells a toy, then refunds it
            pin("2026-11-18T12:00");
            String toy = created(B, "/api/members/" + member + "/sales", json("lines", List.of(Map.of(
                    "productCode", "TOY-KITE", "category", "TOY", "quantity", 1, "unitPrice",
                    Map.of("minor", 5_000))), "paymentMethod", "CASH")).get("purchaseId").asText();
            pin("2026-11-18T12:30");
            created(B, "/api/members/" + member + "/refunds", json("purchaseId", toy));
            // one check-in (Tuesday 16:00) and one leave (Friday 16:00)
            pin("2026-11-17T15:50");
            ok(A, "/api/members/" + member + "/check-ins", session("2026-11-17T16:00"));
            pin("2026-11-19T16:30");
            ok(A, "/api/members/" + member + "/leaves", session("2026-11-20T16:00"));

            // a complaint, handled by B, closed with the customer satisfied
            pin("2026-11-17T14:00");
            String complaint = created(A, "/api/complaints", json("centre", CENTRE, "channel", "PHONE",
                    "customer", Map.of("memberId", member), "category", "SERVICE", "description",
                    "waited too long at the desk", "severity", "GENERAL", "receivedAt",
                    at("2026-11-17T14:00").toString())).get("id").asText();
            pin("2026-11-17T14:10");
            ok(SUPER, "/api/complaints/" + complaint + "/assignment", json("handler", B));
            pin("2026-11-17T15:00");
            ok(B, "/api/complaints/" + complaint + "/resolution", json("summary", "apology, a second desk at peak"));
            pin("2026-11-18T10:00");
            ok(A, "/api/complaints/" + complaint + "/answer", json("satisfied", true));

            // next week, same month
            pin("2026-11-23T10:00");
            visit(A, "WALK_IN", "CONSULTATION", null);
        } finally {
            TestClock.unpin();
        }
    }

    @AfterAll
    void unpin() {
        TestClock.unpin();
    }

    @Test
    void theWeeklyReportHasEveryFigureOfTheWeek() {
        Http.Response response = api.get(MANAGER, "/api/reports/weekly?centre=reports&week=2026-W47&position="
                + position);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("X-DeskLedger-Consistent")).isEqualTo("true");
        JsonNode r = response.json();
        assertThat(r.get("centre").asText()).isEqualTo(CENTRE);
        assertThat(r.get("week").asText()).isEqualTo("2026-W47");
        assertThat(r.get("from").asText()).isEqualTo("2026-11-16");
        assertThat(r.get("to").asText()).isEqualTo("2026-11-22");
        assertThat(r.get("zone").asText()).isEqualTo("Asia/Shanghai");
        // two walk-ins and three calls; the Monday-23 visit is next week's
        assertThat(r.get("visits").asLong()).isEqualTo(5);
        assertThat(r.get("byChannel").toString())
                .isEqualTo("[{\"channel\":\"CALL_IN\",\"count\":3},{\"channel\":\"WALK_IN\",\"count\":2}]");
        assertThat(r.get("calls").asLong()).isEqualTo(3);
        assertThat(r.get("callsWithinThreeRings").asLong()).isEqualTo(2);   // 2 and 3 rings, not 5
        assertThat(r.get("conversions").asLong()).isEqualTo(1);
        assertThat(r.get("conversionRate").asDouble()).isCloseTo(0.2, within(1e-9));
        assertThat(r.get("complaintsOpened").asLong()).isEqualTo(1);
        assertThat(r.get("complaintsClosed").asLong()).isEqualTo(1);
        assertThat(r.get("complaintsBreached").asLong()).isZero();
        assertThat(r.get("satisfactionRate").asDouble()).isEqualTo(1.0);
        // CNY 1990.00 pack + CNY 50.00 toy sold, the toy refunded
        assertThat(r.get("money").toString()).isEqualTo("[{\"currency\":\"CNY\",\"salesMinor\":204000,"
                + "\"refundsMinor\":5000,\"netMinor\":199000}]");
        assertThat(r.get("classMarks").asLong()).isEqualTo(2);
        assertThat(r.get("classCheckIns").asLong()).isEqualTo(1);
        assertThat(r.get("attendanceRate").asDouble()).isEqualTo(0.5);
        // A late on Wednesday, B early on Tuesday, B's Saturday never clocked in
        assertThat(r.get("shiftsWorked").asLong()).isEqualTo(2);
        assertThat(r.get("lateArrivals").asLong()).isEqualTo(1);
        assertThat(r.get("punctuality").asDouble()).isEqualTo(0.5);
    }

    @Test
    void theMonthlyAssessmentHasARowPerStaffMember() {
        Http.Response response = api.get(AUDITOR, "/api/reports/monthly-assessment?centre=reports&month=2026-11"
                + "&position=" + position);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode m = response.json();
        assertThat(m.get("month").asText()).isEqualTo("2026-11");
        assertThat(m.get("from").asText()).isEqualTo("2026-11-01");
        assertThat(m.get("to").asText()).isEqualTo("2026-11-30");
        JsonNode staff = m.get("staff");
        assertThat(staff).hasSize(2);

        JsonNode a = staff.get(0);
        assertThat(a.get("staff").asText()).isEqualTo(A);
        assertThat(a.get("visitsHandled").asLong()).isEqualTo(3);        // two this week, one on the 23rd
        assertThat(a.get("callsAnswered").asLong()).isEqualTo(1);
        assertThat(a.get("callsWithinThreeRings").asLong()).isEqualTo(1);
        assertThat(a.get("complaintsResolved").asLong()).isZero();
        assertThat(a.hasNonNull("satisfactionRate")).as("nothing to divide by").isFalse();
        assertThat(a.get("sales").toString()).isEqualTo("[{\"currency\":\"CNY\",\"salesMinor\":199000,"
                + "\"refundsMinor\":0,\"netMinor\":199000}]");
        assertThat(a.get("shiftsWorked").asLong()).isEqualTo(1);
        assertThat(a.get("lateArrivals").asLong()).isEqualTo(1);
        assertThat(a.get("punctuality").asDouble()).isEqualTo(0.0);
        assertThat(a.get("checklistItems").asLong()).isEqualTo(checklists.get("weekday-early").size());
        assertThat(a.get("checklistTicked").asLong()).isEqualTo(4);
        assertThat(a.get("checklistCompletion").asDouble())
                .isCloseTo(4.0 / checklists.get("weekday-early").size(), within(1e-9));

        JsonNode b = staff.get(1);
        assertThat(b.get("staff").asText()).isEqualTo(B);
        assertThat(b.get("visitsHandled").asLong()).isZero();
        assertThat(b.get("callsAnswered").asLong()).isEqualTo(2);
        assertThat(b.get("callsWithinThreeRings").asLong()).isEqualTo(1);
        assertThat(b.get("complaintsResolved").asLong()).isEqualTo(1);
        assertThat(b.get("complaintsSatisfied").asLong()).isEqualTo(1);
        assertThat(b.get("satisfactionRate").asDouble()).isEqualTo(1.0);
        assertThat(b.get("sales").toString()).isEqualTo("[{\"currency\":\"CNY\",\"salesMinor\":5000,"
                + "\"refundsMinor\":5000,\"netMinor\":0}]");
        assertThat(b.get("shiftsWorked").asLong()).isEqualTo(1);
        assertThat(b.get("lateArrivals").asLong()).isZero();
        assertThat(b.get("punctuality").asDouble()).isEqualTo(1.0);
        assertThat(b.get("checklistItems").asLong()).isEqualTo(checklists.get("weekday-late").size());
        assertThat(b.get("checklistTicked").asLong()).isEqualTo(checklists.get("weekday-late").size());
        assertThat(b.get("checklistCompletion").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theReportsComeAsCsvThatASpreadsheetOpens() throws Exception {
        HttpResponse<byte[]> weekly = csv(MANAGER, "/api/reports/weekly?centre=reports&week=2026-W47&position="
                + position);
        assertThat(weekly.statusCode()).isEqualTo(200);
        assertThat(weekly.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] bytes = weekly.body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactly("centre", "week", "figure", "value");
        // from, to, visits, 2 channels, calls, quick calls, conversions, rate (9), 4 complaint figures,
        // 3 money figures, 3 class figures, 3 shift figures
        assertThat(rows).hasSize(1 + 22);
        Map<String, String> figures = new LinkedHashMap<>();
        rows.subList(1, rows.size()).forEach(row -> figures.put(row.get(2), row.get(3)));
        assertThat(figures).containsEntry("visits", "5").containsEntry("visits_CALL_IN", "3")
                .containsEntry("calls_within_three_rings", "2").containsEntry("sales_minor_CNY", "204000")
                .containsEntry("refunds_minor_CNY", "5000").containsEntry("net_minor_CNY", "199000")
                .containsEntry("punctuality", "0.5").containsEntry("complaints_closed", "1");

        HttpResponse<byte[]> monthly = csv(AUDITOR, "/api/reports/monthly-assessment?centre=reports&month=2026-11");
        assertThat(monthly.statusCode()).isEqualTo(200);
        byte[] monthlyBytes = monthly.body();
        assertThat(monthlyBytes[0]).isEqualTo((byte) 0xEF);
        List<List<String>> staff = parse(new String(monthlyBytes, 3, monthlyBytes.length - 3,
                StandardCharsets.UTF_8));
        assertThat(staff).hasSize(3);
        assertThat(staff.get(0)).containsExactly("centre", "month", "staff", "visits_handled", "calls_answered",
                "calls_within_three_rings", "complaints_resolved", "complaints_satisfied", "satisfaction_rate",
                "sales_minor_CNY", "refunds_minor_CNY", "shifts_worked", "late_arrivals", "punctuality",
                "checklist_items", "checklist_ticked", "checklist_completion");
        assertThat(staff.get(1).subList(0, 11)).containsExactly(CENTRE, "2026-11", A, "3", "1", "1", "0", "0", "",
                "199000", "0");
        assertThat(staff.get(2).subList(0, 11)).containsExactly(CENTRE, "2026-11", B, "0", "2", "1", "1", "1",
                "1.0", "5000", "5000");
    }

    @Test
    void onlyManagersAndAuditorsOfTheCentreSeeTheReports() {
        assertThat(api.get(A, "/api/reports/weekly?centre=reports&week=2026-W47").status()).isEqualTo(403);
        assertThat(api.get(SUPER, "/api/reports/monthly-assessment?centre=reports&month=2026-11").status())
                .isEqualTo(403);
        assertThat(api.get("manager", "/api/reports/weekly?centre=reports&week=2026-W47").status())
                .isEqualTo(403);
        assertThat(api.get("auditor", "/api/reports/monthly-assessment?centre=reports&month=2026-11").status())
                .isEqualTo(403);
    }

    @Test
    void theTeachersHeadCountIsReconciledWithTheCheckIns() {
        Http.Response response = api.get(A, "/api/views/attendance/reconciliation?centre=reports&date=2026-11-17"
                + "&position=" + position);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("X-DeskLedger-Consistent")).isEqualTo("true");
        JsonNode tuesday = response.json();
        assertThat(tuesday.get("mismatches").asLong()).isEqualTo(1);
        assertThat(tuesday.get("sessions")).hasSize(1);
        JsonNode session = tuesday.get("sessions").get(0);
        assertThat(session.get("classId").asText()).isEqualTo("phonics-r");
        assertThat(session.get("scheduledStart").asText()).isEqualTo("2026-11-17T08:00:00Z");
        assertThat(session.get("headCount").asInt()).isEqualTo(2);
        assertThat(session.get("checkIns").asLong()).isEqualTo(1);
        assertThat(session.get("difference").asInt()).isEqualTo(1);
        assertThat(session.get("mismatch").asBoolean()).isTrue();

        // Friday's session: one member on leave, no head-count, so nothing to flag
        JsonNode friday = api.get(AUDITOR, "/api/views/attendance/reconciliation?centre=reports&date=2026-11-20")
                .json();
        assertThat(friday.get("mismatches").asLong()).isZero();
        JsonNode leave = friday.get("sessions").get(0);
        assertThat(leave.hasNonNull("headCount")).isFalse();
        assertThat(leave.get("checkIns").asLong()).isZero();
        assertThat(leave.get("otherMarks").asLong()).isEqualTo(1);
        assertThat(leave.get("mismatch").asBoolean()).isFalse();

        assertThat(api.get("reception", "/api/views/attendance/reconciliation?centre=reports&date=2026-11-17")
                .status()).isEqualTo(403);
    }

    @Test
    void aBadWeekOrMonthIs400() {
        for (String week : List.of("2026-48", "2026-W54", "2026-W00", "W48")) {
            Http.Response response = api.get(MANAGER, "/api/reports/weekly?centre=reports&week=" + week);
            assertThat(response.status()).as(week).isEqualTo(400);
            assertThat(response.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        }
        for (String month : List.of("2026-13", "2026-1", "11-2026")) {
            Http.Response response = api.get(MANAGER, "/api/reports/monthly-assessment?centre=reports&month="
                    + month);
            assertThat(response.status()).as(month).isEqualTo(400);
            assertThat(response.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        }
        // 2026 has 53 ISO weeks
        assertThat(api.get(MANAGER, "/api/reports/weekly?centre=reports&week=2026-W53").json().get("from")
                .asText()).isEqualTo("2026-12-28");
    }

    private HttpResponse<byte[]> csv(String user, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A small RFC 4180 reader, so the test reads the CSV the way a spreadsheet does. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    private String visit(String user, String channel, String purpose, Integer rings) {
        return created(user, "/api/visits", json("centre", CENTRE, "channel", channel, "purpose", purpose,
                "rings", rings, "arrivedAt", pinnedAt.toString()))
                .get("id").asText();
    }

    private Instant pinnedAt;

    private void pin(String localTime) {
        pinnedAt = at(localTime);
        TestClock.pin(pinnedAt);
    }

    private static Instant at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(ZONE).toInstant();
    }

    private static String session(String start) {
        return json("classCode", "phonics-r", "scheduledStart", at(start).toString(), "room", "room 1");
    }

    private void schedule(String key, String staff, String date, String post) {
        shifts.put(key, created(SUPER, "/api/shifts", json("staff", staff, "date", date, "post", post))
                .get("id").asText());
    }

    private void clock(String key, String inOrOut, String localTime) {
        ok(SUPER, "/api/shifts/" + shifts.get(key) + "/clock-" + inOrOut, json("at", at(localTime).toString()));
    }

    private void tick(String user, String key, List<String> items) {
        for (String item : items) {
            ok(user, "/api/shifts/" + shifts.get(key) + "/checklist/" + item, null);
        }
    }

    private JsonNode created(String user, String path, String body) {
        return expect(201, user, path, body);
    }

    private JsonNode ok(String user, String path, String body) {
        return expect(200, user, path, body);
    }

    private JsonNode expect(int status, String user, String path, String body) {
        Http.Response response = api.post(user, path, body);
        assertThat(response.status()).as("%s %s", path, response.text()).isEqualTo(status);
        JsonNode json = response.json();
        if (json.has("position")) {
            position = Math.max(position, json.get("position").asLong());
        }
        return json;
    }

    private static String json(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                body.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
