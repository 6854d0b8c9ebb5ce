package com.deskledger.infra.member;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.infra.support.TestClock;
import com.deskledger.query.web.ProjectionPositions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Erasure by crypto-shredding: after a manager erases a member, none of their personal values (given at enrolment,
 * in a contact change, in reasons, at the visit that led to the enrolment, and in a complaint they filed: its contact,
 * description, note, resolution and answer) can be read from any table, the event store included, nor from the logs,
 * and a replay does not bring them back; money, attendance and complaint figures are what they were.
 */
@ExtendWith(OutputCaptureExtension.class)
class MemberErasureIT extends IntegrationTest {

    private static final String CENTRE = "mem-flow";
    /** Every value is long enough (or has a space or an @) never to occur by chance inside Base64 ciphertext. */
    private static final List<String> PERSONAL = List.of("Ouyang Xue", "Ouyang Feng", "13512340000",
            "13512349999", "110101201901011234", "feng@example.org", "feng.new@example.org", "has a fever",
            "family travelling", "evening class for Xue", "asks for a call back", "waited alone after class",
            "rang the teacher twice", "apology and a free lesson", "happy with the apology",
            "thanked us after the erasure");
    /** Event, token and saga tables keep their JSON in bytea columns, read as text here. */
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
    void erasureLeavesNoPersonalValueReadableAnywhereAndTheFiguresUnchanged(CapturedOutput output) {
        MemberDesk desk = new MemberDesk(http, "mem-desk");
        TestClock.pin(Instant.parse("2026-06-01T01:00:00Z"));
        String visit = desk.visit(CENTRE, Instant.parse("2026-06-01T01:00:00Z"));
        desk.ok("/api/visits/" + visit + "/registration", json("visitorName", "Ouyang Feng", "phone", "13512340000",
                "needs", "evening class for Xue"));
        desk.created("/api/visits/" + visit + "/messages", json("recipient", "Teacher Wu", "callbackNumber",
                "13512340000", "content", "Ouyang Feng asks for a call back"));
        String member = desk.created("/api/members", json("centre", CENTRE, "kind", "CHILD", "name", "Ouyang Xue",
                "idNumber", "110101201901011234", "guardianName", "Ouyang Feng", "guardianPhone", "13512340000",
                "email", "feng@example.org", "visitId", visit)).get("id").asText();
        desk.buyPack(member, 10, 199_000, "WECHAT_PAY");
        desk.checkIn(member, "art-c", Instant.parse("2026-06-01T02:00:00Z"));
        desk.ok("/api/members/" + member + "/leaves", MemberDesk.session("art-c",
                Instant.parse("2026-06-03T02:00:00Z"), "Xue has a fever"));
        String toy = desk.sell(member, "TOY-KITE", "TOY", 1, 6_600, "CASH");
        desk.ok("/api/members/" + member + "/freeze", json("reason", "family travelling"));
        TestClock.pin(Instant.parse("2026-06-02T01:00:00Z"));
        desk.ok("/api/members/" + member + "/unfreeze", null);
        desk.refundAll(member, toy);
        desk.ok("/api/members/" + member + "/contact", json("phone", "13512349999", "email",
                "feng.new@example.org"));
        // the member complains, and the complaint is settled
        String complaint = desk.created("/api/complaints", json("centre", CENTRE, "channel", "PHONE", "category",
                "SERVICE", "severity", "GENERAL", "description", "Xue waited alone after class", "customer",
                Map.of("memberId", member, "name", "Ouyang Feng", "phone", "13512340000"))).get("id").asText();
        MemberDesk manager = desk.as("mem-manager");
        manager.ok("/api/complaints/" + complaint + "/notes", json("text", "Ouyang Feng rang the teacher twice"));
        manager.ok("/api/complaints/" + complaint + "/resolution", json("summary", "apology and a free lesson",
                "compensation", Map.of("type", "VOUCHER", "amountMinor", 8_800, "currency", "CNY")));
        manager.ok("/api/complaints/" + complaint + "/answer", json("satisfied", true, "comment",
                "happy with the apology"));
        desk.position = manager.position;

        // the desk sees the person in full, and the event store holds none of it even before erasure
        JsonNode profile = desk.view("/api/views/members/" + member);
        assertThat(profile.get("name").asText()).isEqualTo("Ouyang Xue");
        assertThat(profile.get("guardianPhone").asText()).isEqualTo("13512340000");
        assertThat(profile.get("idNumber").asText()).isEqualTo("**************1234");
        assertThat(readable("domainevententry")).isEmpty();
        assertThat(readable("snapshotevententry")).isEmpty();
        assertThat(readableAnywhere()).isNotEmpty();

        JsonNode filed = desk.view("/api/views/complaints/" + complaint);
        assertThat(filed.get("description").asText()).isEqualTo("Xue waited alone after class");
        assertThat(filed.get("complaint").get("customerPhone").asText()).isEqualTo("13512340000");
        assertThat(filed.get("resolutions").get(0).get("summary").asText()).isEqualTo("apology and a free lesson");
        JsonNode kpisBefore = manager.view(kpis());
        assertThat(kpisBefore.get("overall").get("filed").asLong()).isEqualTo(1);
        JsonNode complaintRowBefore = figures(filed.get("complaint"));
        JsonNode salesBefore = desk.view(sales());
        JsonNode attendanceBefore = desk.view("/api/views/attendance/members/" + member).get("counts");
        int timelineBefore = desk.view("/api/views/members/" + member + "/timeline").get("total").asInt();

        Http.Response erased = http.post("mem-manager", "/api/members/" + member + "/erasure", null);
        assertThat(erased.status()).isEqualTo(200);
        desk.position = erased.json().get("position").asLong();

        // the views show the person as erased, with the same money and attendance
        JsonNode after = desk.view("/api/views/members/" + member);
        assertThat(after.get("erased").asBoolean()).isTrue();
        assertThat(after.get("name").asText()).isEqualTo("[erased]");
        assertThat(after.has("guardianPhone")).isFalse();
        assertThat(after.has("idNumber")).isFalse();
        assertThat(desk.view(sales())).isEqualTo(salesBefore);
        assertThat(desk.view("/api/views/attendance/members/" + member).get("counts")).isEqualTo(attendanceBefore);
        JsonNode timeline = desk.view("/api/views/members/" + member + "/timeline");
        assertThat(timeline.get("total").asInt()).isEqualTo(timelineBefore + 1);
        assertThat(timeline.get("items").get(0).get("kind").asText()).isEqualTo("ERASED");
        // the complaint keeps every figure; its personal data reads as erased
        JsonNode complaintAfter = desk.view("/api/views/complaints/" + complaint);
        assertThat(complaintAfter.get("complaint").get("customerName").asText()).isEqualTo("[erased]");
        assertThat(complaintAfter.get("complaint").has("customerPhone")).isFalse();
        assertThat(complaintAfter.get("description").asText()).isEqualTo("[erased]");
        assertThat(complaintAfter.get("resolutions").get(0).get("summary").asText()).isEqualTo("[erased]");
        assertThat(complaintAfter.get("timeline").toString()).contains("[erased]")
                .doesNotContain("rang the teacher", "happy with");
        assertThat(figures(complaintAfter.get("complaint"))).isEqualTo(complaintRowBefore);
        assertThat(manager.view(kpis())).isEqualTo(kpisBefore);
        JsonNode visits = desk.view("/api/views/reception/visits?centre=" + CENTRE + "&date=2026-06-01");
        JsonNode ours = find(visits.get("items"), visit);
        assertThat(ours.has("visitorName")).isFalse();
        assertThat(ours.has("phone")).isFalse();
        assertThat(ours.get("conversion").asBoolean()).isTrue();

        // nothing personal is readable from any table, the event store included, nor from the logs
        assertThat(readableAnywhere()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from personal_key where key_id in (?, ?, ?)", Long.class,
                "member:" + member, "visit:" + visit, "complaint:" + complaint)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from member_identity where member_id = ?", Long.class,
                member)).isZero();
        assertThat(output.getAll()).doesNotContain(PERSONAL.toArray(String[]::new));

        // a replay cannot bring anything back
        for (String group : List.of("members", "reception", "complaints")) {
            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            awaitProjection(group);
        }
        assertThat(readableAnywhere()).isEmpty();
        assertThat(desk.view("/api/views/members/" + member).get("name").asText()).isEqualTo("[erased]");
        JsonNode replayed = desk.view("/api/views/complaints/" + complaint);
        assertThat(replayed.get("complaint").get("customerName").asText()).isEqualTo("[erased]");
        assertThat(replayed.get("description").asText()).isEqualTo("[erased]");
        assertThat(figures(replayed.get("complaint"))).isEqualTo(complaintRowBefore);
        assertThat(manager.view(kpis())).isEqualTo(kpisBefore);

        // the account is closed; the identity is free again; the audit trail is intact
        Http.Response checkIn = http.post("mem-desk", "/api/members/" + member + "/check-ins",
                MemberDesk.session("art-c", Instant.parse("2026-06-05T02:00:00Z"), null));
        assertThat(checkIn.status()).isEqualTo(422);
        assertThat(checkIn.json().get("code").asText()).isEqualTo("MEMBER_ERASED");
        Http.Response audit = http.get("mem-manager", "/api/audit/members/" + member + "/events");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.json().get("events").size()).isEqualTo(10); // 9 member events before erasure, and it
        String again = desk.created("/api/members", json("centre", CENTRE, "kind", "CHILD", "name", "Ouyang Xue",
                "idNumber", "110101201901011234", "guardianName", "Ouyang Feng", "guardianPhone", "13512340000"))
                .get("id").asText();
        assertThat(again).isNotEqualTo(member);

        // what is written later about the erased member (the complaint's follow-up call) is not kept at all: their
        // key is never made again
        JsonNode followUp = manager.ok("/api/complaints/" + complaint + "/follow-up", json("reached", true,
                "satisfied", true, "notes", "Ouyang Feng thanked us after the erasure"));
        desk.position = followUp.get("position").asLong();
        JsonNode later = desk.view("/api/views/complaints/" + complaint).get("timeline");
        assertThat(later.get(later.size() - 1).get("details").get("notes").asText()).isEqualTo("[erased]");
        assertThat(jdbc.queryForObject("select count(*) from personal_key where key_id = ?", Long.class,
                "member:" + member)).isZero();
        // (the person enrolled again above is a new member, readable as such)
        assertThat(readableAnywhere()).noneMatch(found -> found.contains("thanked us"));
    }

    private static String kpis() {
        return "/api/views/complaints/kpis?centre=" + CENTRE + "&from=2026-05-31&to=2026-06-03";
    }

    /** A complaint row without its personal fields and the times that depend on when it is asked. */
    private static JsonNode figures(JsonNode row) {
        ObjectNode figures = row.deepCopy();
        figures.remove(List.of("customerName", "customerPhone", "businessSecondsLeft", "nextDueAt", "nearlyDue"));
        return figures;
    }

    private static String sales() {
        return "/api/views/sales?centre=" + CENTRE + "&from=2026-06-01&to=2026-06-02";
    }

    /** Every table and personal value where the value can still be read, as "table: value". */
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
        for (String value : PERSONAL) {
            String text = BYTEA_TABLES.contains(table) ? byteaText(table) : "t::text";
            Long hits = jdbc.queryForObject("select count(*) from " + table + " t where " + text
                    + " like ?", Long.class, "%" + value + "%");
            if (hits != null && hits > 0) {
                found.add(table + ": " + value);
            }
        }
        return found;
    }

    /**
     * The bytea columns of an event or token table as UTF-8 text, so JSON payloads are searched as written; the
     * events' hash is binary (and in t::text as hex anyway).
     */
    private String byteaText(String table) {
        List<String> columns = jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = current_schema() and table_name = ? and data_type = 'bytea'
                  and column_name <> 'hash'""",
                String.class, table);
        List<String> parts = new ArrayList<>(List.of("t::text"));
        columns.forEach(column -> parts.add("coalesce(convert_from(" + column + ", 'UTF8'), '')"));
        return "(" + String.join(" || ' ' || ", parts) + ")";
    }

    private void awaitProjection(String group) {
        long head = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!positions.await(group, head)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(group + " did not reach " + head);
            }
        }
    }

    private static JsonNode find(JsonNode items, String visitId) {
        for (JsonNode item : items) {
            if (item.get("visitId").asText().equals(visitId)) {
                return item;
            }
        }
        throw new AssertionError("visit not listed: " + visitId);
    }
}
