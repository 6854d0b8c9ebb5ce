package com.deskledger.infra.member;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.infra.support.TestClock;
import com.deskledger.query.web.ProjectionPositions;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.deskledger.infra.member.MemberDesk.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21 part 4: one unique name and one unique phone number typed into every field that can hold personal data
 * about one member (README, <i>Personal data</i>: the inventory) — the enrolment, a contact change, every reason, the
 * call that led to the enrolment (its form, referral source, transfer reason, message and feedback comment) and two
 * complaints with every free text staff write on them. After the member is erased neither string is found in any
 * table (event payload bytes included), in any view's answer, in the audit history, the audit search and its
 * exports, the reports and their CSV, the logs, nor after a replay of every view. Fields that are not sealed (labels
 * of the centre's work) refuse a phone number at the edge.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErasureReachIT extends IntegrationTest {

    private static final String CENTRE = "mem-flow";
    private static final String NAME = "Quan Yuzhen";
    private static final String PHONE = "13977770321";
    /** Free text as staff type it about the person: their name and number. */
    private static final String ABOUT = "spoke with " + NAME + " on " + PHONE;
    private static final Set<String> BYTEA_TABLES = Set.of("domainevententry", "snapshotevententry", "tokenentry",
            "deadletterentry", "sagaentry");

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionPositions positions;

    @AfterEach
    void unpin() {
        TestClock.unpin();
    }

    @Test
    void aNameAndPhoneTypedIntoEveryPersonalFieldAreFoundNowhereAfterErasure(CapturedOutput output) {
        MemberDesk desk = new MemberDesk(http, "mem-desk");
        MemberDesk manager = desk.as("mem-manager");
        Instant start = Instant.parse("2026-08-03T01:00:00Z");
        TestClock.pin(start);

        // the call that led to the enrolment: every field of the visit that can hold personal data
        String visit = desk.created("/api/visits", json("centre", CENTRE, "channel", "CALL_IN", "purpose",
                "ENROLMENT", "rings", 2, "arrivedAt", start.toString())).get("id").asText();
        desk.ok("/api/visits/" + visit + "/registration", json("visitorName", NAME, "phone", PHONE, "needs", ABOUT,
                "referralSource", ABOUT));
        desk.ok("/api/visits/" + visit + "/transfer", json("to", "mem-manager", "reason", ABOUT));
        desk.created("/api/visits/" + visit + "/messages", json("recipient", "Teacher Wu", "callbackNumber", PHONE,
                "content", ABOUT));
        desk.ok("/api/visits/" + visit + "/feedback", json("score", 4, "comment", ABOUT));

        // the member, enrolled from that call, and every reason and contact change
        String member = desk.created("/api/members", json("centre", CENTRE, "kind", "CHILD", "name", NAME,
                "idNumber", "11010120190101" + PHONE.substring(7), "guardianName", NAME, "guardianPhone", PHONE,
                "phone", PHONE, "email", "quan.yuzhen@example.org", "visitId", visit)).get("id").asText();
        String pack = desk.buyPack(member, 10, 199_000, "CARD");
        desk.ok("/api/members/" + member + "/leaves", MemberDesk.session("art-q",
                Instant.parse("2026-08-05T02:00:00Z"), ABOUT));
        desk.ok("/api/members/" + member + "/freeze", json("reason", ABOUT));
        desk.ok("/api/members/" + member + "/unfreeze", null);
        desk.ok("/api/members/" + member + "/contact", json("phone", PHONE, "guardianName", NAME, "guardianPhone",
                PHONE));
        TestClock.pin(start.plus(Duration.ofDays(10)));
        String refund = desk.refundAmount(member, pack, 1_000, ABOUT).get("refundId").asText();
        manager.position = desk.position;
        manager.ok("/api/members/" + member + "/refunds/" + refund + "/rejection", json("reason", ABOUT));

        // a complaint with every free text staff write on it, and a second one withdrawn
        String complaint = desk.created("/api/complaints", json("centre", CENTRE, "channel", "PHONE", "category",
                "SERVICE", "severity", "GENERAL", "description", ABOUT, "visitId", visit, "customer",
                Map.of("memberId", member, "name", NAME, "phone", PHONE))).get("id").asText();
        String path = "/api/complaints/" + complaint;
        manager.ok(path + "/triage", json("nature", "waiting time", "department", "front desk", "severity",
                "GENERAL"));
        manager.ok(path + "/escalation", json("note", ABOUT));
        desk.ok(path + "/notes", json("text", ABOUT));
        desk.ok(path + "/pause", json("reason", ABOUT));
        desk.ok(path + "/resume", null);
        desk.ok(path + "/resolution", json("summary", ABOUT));
        manager.ok(path + "/resolution/rejection", json("reason", ABOUT));
        manager.ok(path + "/resolution", json("summary", ABOUT));
        desk.ok(path + "/answer", json("satisfied", false, "comment", ABOUT));
        manager.ok(path + "/resolution", json("summary", ABOUT));
        desk.ok(path + "/answer", json("satisfied", true, "comment", ABOUT));
        desk.ok(path + "/follow-up", json("reached", true, "satisfied", true, "notes", ABOUT));
        String withdrawn = desk.created("/api/complaints", json("centre", CENTRE, "channel", "WALK_IN",
                "category", "FACILITY", "severity", "GENERAL", "description", ABOUT, "customer",
                Map.of("memberId", member))).get("id").asText();
        desk.ok("/api/complaints/" + withdrawn + "/withdrawal", json("reason", ABOUT));
        desk.position = Math.max(desk.position, manager.position);
        manager.position = desk.position;

        // what is not sealed refuses a phone number at the edge, and stores nothing
        long events = eventCount(complaint);
        Http.Response refused = http.post("mem-manager", path + "/triage", json("nature", "call " + PHONE,
                "department", "front desk", "severity", "GENERAL"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("nature");
        assertThat(refused.text()).doesNotContain(PHONE);
        assertThat(eventCount(complaint)).isEqualTo(events);

        // before erasure: the desk reads the person, and the event store holds neither string even so
        assertThat(desk.view("/api/views/members/" + member).get("name").asText()).isEqualTo(NAME);
        assertThat(desk.view("/api/views/complaints/" + complaint).toString()).contains(NAME, PHONE);
        assertThat(readable("domainevententry")).isEmpty();
        assertThat(readableAnywhere()).isNotEmpty();

        Http.Response erased = http.post("mem-manager", "/api/members/" + member + "/erasure", null);
        assertThat(erased.status()).as(erased.text()).isEqualTo(200);
        desk.position = erased.json().get("position").asLong();
        manager.position = desk.position;
        // every view that held the person has handled the erasure
        assertThat(desk.view("/api/views/members/" + member).get("name").asText()).isEqualTo("[erased]");
        assertThat(desk.view("/api/views/complaints/" + complaint).get("complaint").get("customerName").asText())
                .isEqualTo("[erased]");
        desk.view("/api/views/reception/visits?centre=" + CENTRE + "&date=2026-08-03");
        List.of("members", "reception", "complaints", "audit-log").forEach(this::awaitProjection);

        assertThat(readableAnywhere()).isEmpty();
        assertThat(answers(desk, manager, member, visit, complaint, withdrawn)).isEmpty();
        assertThat(output.getAll()).doesNotContain(NAME, PHONE);

        // a replay of every view brings nothing back
        List<String> replayed = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.supportsReset()) {
                streaming.shutDown();
                streaming.resetTokens();
                streaming.start();
                replayed.add(name);
            }
        });
        assertThat(replayed).contains("members", "reception", "complaints", "sales", "attendance", "audit-log");
        replayed.forEach(this::awaitProjection);
        assertThat(readableAnywhere()).isEmpty();
        assertThat(answers(desk, manager, member, visit, complaint, withdrawn)).isEmpty();
    }

    /** Every answer the API gives about the person, as desk staff, manager and auditor see it, that holds either. */
    private List<String> answers(MemberDesk desk, MemberDesk manager, String member, String visit,
                                 String complaint, String withdrawn) {
        List<String> paths = new ArrayList<>(List.of("/api/views/members/" + member,
                "/api/views/members/" + member + "/timeline", "/api/views/members?centre=" + CENTRE + "&q=Quan",
                "/api/views/complaints/" + complaint, "/api/views/complaints/" + withdrawn,
                "/api/views/complaints?centre=" + CENTRE, "/api/views/reception/visits?centre=" + CENTRE
                        + "&date=2026-08-03", "/api/views/reception/messages?centre=" + CENTRE,
                "/api/views/sales/pending-refunds?centre=" + CENTRE,
                "/api/views/attendance/members/" + member + "?from=2026-08-01&to=2026-08-31"));
        List<String> audit = List.of("/api/audit/visits/" + visit + "/events",
                "/api/audit/members/" + member + "/events", "/api/audit/complaints/" + complaint + "/events",
                "/api/audit/complaints/" + withdrawn + "/events", "/api/audit/events?centre=" + CENTRE + "&size=200",
                "/api/audit/events/export?centre=" + CENTRE + "&format=ndjson",
                "/api/audit/events/export?centre=" + CENTRE + "&format=csv",
                "/api/reports/weekly?centre=" + CENTRE + "&week=2026-W32",
                "/api/reports/weekly?centre=" + CENTRE + "&week=2026-W32&format=csv",
                "/api/reports/monthly-assessment?centre=" + CENTRE + "&month=2026-08",
                "/api/reports/monthly-assessment?centre=" + CENTRE + "&month=2026-08&format=csv");
        List<String> found = new ArrayList<>();
        for (String user : List.of("mem-desk", "mem-manager", "mem-audit")) {
            List<String> asked = new ArrayList<>(paths);
            if (!"mem-desk".equals(user)) {
                asked.addAll(audit);
            }
            for (String path : asked) {
                Http.Response response = http.get(user, path);
                if (response.status() == 403 && "mem-audit".equals(user)) {
                    continue;
                }
                assertThat(response.status()).as("%s %s %s", user, path, response.text()).isEqualTo(200);
                if (response.text().contains(NAME) || response.text().contains(PHONE)) {
                    found.add(user + " " + path);
                }
            }
        }
        return found;
    }

    /** Every table where either string can be read, event payloads (bytea, read as UTF-8) included. */
    private List<String> readableAnywhere() {
        List<String> found = new ArrayList<>();
        for (String table : jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'""", String.class)) {
            found.addAll(readable(table));
        }
        return found;
    }

    private List<String> readable(String table) {
        List<String> found = new ArrayList<>();
        String text = BYTEA_TABLES.contains(table) ? byteaText(table) : "t::text";
        for (String value : List.of(NAME, PHONE)) {
            Long hits = jdbc.queryForObject("select count(*) from " + table + " t where " + text + " like ?",
                    Long.class, "%" + value + "%");
            if (hits != null && hits > 0) {
                found.add(table + ": " + value);
            }
        }
        return found;
    }

    private String byteaText(String table) {
        List<String> columns = jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = current_schema() and table_name = ? and data_type = 'bytea'
                  and column_name <> 'hash'""", String.class, table);
        List<String> parts = new ArrayList<>(List.of("t::text"));
        columns.forEach(column -> parts.add("coalesce(convert_from(" + column + ", 'UTF8'), '')"));
        return "(" + String.join(" || ' ' || ", parts) + ")";
    }

    private void awaitProjection(String group) {
        long head = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!positions.await(group, head)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(group + " did not reach " + head);
            }
        }
    }
}
