package com.deskledger.infra.complaint;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Complaint events stored at revision 1, before complaints were sealed, still read: the upcaster marks their plain
 * values, the audit trail shows them so marked, the complaints view shows them as they were (masked for auditors),
 * and the complaint goes on: a note added now is sealed with the complaint's own key.
 */
class LegacyComplaintEventsIT extends IntegrationTest {

    private static final String CENTRE = "cs-misc";

    @Test
    void aRevisionOneComplaintIsReadThroughTheUpcastersAndGoesOnSealed() {
        String id = UUID.randomUUID().toString();
        Instant filed = Instant.now().minusSeconds(600);
        jdbc.update("insert into aggregate_directory (aggregate_id, aggregate_type, centre, created_at)"
                + " values (?, 'ComplaintCase', ?, ?)", id, CENTRE, Timestamp.from(filed));
        store(id, 0, "ComplaintFiledEvent", """
                {"complaintId":"%s","centre":"%s","channel":"PHONE",
                 "customer":{"memberId":null,"name":"Ouyang Lan","phone":"13611112222","identified":true},
                 "category":"SERVICE",
                 "description":"kept waiting forty minutes","severity":"GENERAL","visitId":null,
                 "filedBy":"cs-desk","at":"%s"}""".formatted(id, CENTRE, filed));
        store(id, 1, "SlaClockStartedEvent", """
                {"complaintId":"%s","clock":"FIRST_RESPONSE","target":"PT4H","dueAt":"%s","at":"%s"}"""
                .formatted(id, filed.plusSeconds(14_400), filed));
        store(id, 2, "SlaClockStartedEvent", """
                {"complaintId":"%s","clock":"RESOLUTION","target":"PT24H","dueAt":"%s","at":"%s"}"""
                .formatted(id, filed.plusSeconds(86_400), filed));
        store(id, 3, "InvestigationNoteAddedEvent", """
                {"complaintId":"%s","text":"spoke to the front desk","by":"cs-desk","at":"%s"}"""
                .formatted(id, filed.plusSeconds(60)));
        store(id, 4, "SlaClockStoppedEvent", """
                {"complaintId":"%s","clock":"FIRST_RESPONSE","businessSeconds":60,"breached":false,"at":"%s"}"""
                .formatted(id, filed.plusSeconds(60)));
        long position = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);

        JsonNode events = http.get("cs-manager", "/api/audit/complaints/" + id + "/events").json().get("events");
        assertThat(events.get(0).get("revision").asText()).isEqualTo("2");
        assertThat(events.get(0).get("payload").get("customer").get("name").asText()).isEqualTo("plain:Ouyang Lan");
        assertThat(events.get(0).get("payload").get("description").asText())
                .isEqualTo("plain:kept waiting forty minutes");
        assertThat(events.get(3).get("payload").get("text").asText()).isEqualTo("plain:spoke to the front desk");
        // an auditor's audit history masks them by the views' rule: names and phones masked, free text withheld
        Http.Response audit = http.get("cs-audit", "/api/audit/complaints/" + id + "/events");
        assertThat(audit.text()).doesNotContain("Ouyang Lan", "13611112222", "forty minutes", "front desk");
        JsonNode audited = audit.json().get("events");
        assertThat(audited.get(0).get("payload").get("customer").get("name").asText()).isEqualTo("O*********");
        assertThat(audited.get(0).get("payload").get("customer").get("phone").asText()).isEqualTo("136******22");
        assertThat(audited.get(0).get("payload").get("description").asText()).isEqualTo("[withheld]");
        assertThat(audited.get(3).get("payload").get("text").asText()).isEqualTo("[withheld]");
        assertThat(audited.get(0).get("payload").get("category").asText()).isEqualTo("SERVICE");

        JsonNode detail = complaint("cs-desk", id, position);
        assertThat(detail.get("complaint").get("customerName").asText()).isEqualTo("Ouyang Lan");
        assertThat(detail.get("complaint").get("customerPhone").asText()).isEqualTo("13611112222");
        assertThat(detail.get("description").asText()).isEqualTo("kept waiting forty minutes");
        assertThat(detail.get("timeline").get(3).get("details").get("text").asText())
                .isEqualTo("spoke to the front desk");
        JsonNode masked = complaint("cs-audit", id, position);
        assertThat(masked.get("complaint").get("customerName").asText()).isEqualTo("O*********");
        assertThat(masked.get("complaint").get("customerPhone").asText()).isEqualTo("136******22");
        assertThat(masked.has("description")).isFalse();
        assertThat(masked.get("timeline").get(3).get("details").has("text")).isFalse();

        // the aggregate loads from its revision-1 events and goes on; what it writes now is sealed
        Http.Response note = http.post("cs-desk", "/api/complaints/" + id + "/notes",
                "{\"text\":\"offered a free class\"}");
        assertThat(note.status()).as(note.text()).isEqualTo(200);
        long after = note.json().get("position").asLong();
        JsonNode sealedNote = http.get("cs-manager", "/api/audit/complaints/" + id + "/events").json().get("events")
                .get(5).get("payload");
        assertThat(sealedNote.get("text").asText()).startsWith("v1:").doesNotContain("free class");
        assertThat(http.get("cs-audit", "/api/audit/complaints/" + id + "/events").json().get("events").get(5)
                .get("payload").get("text").asText()).isEqualTo("[withheld]");
        assertThat(complaint("cs-desk", id, after).get("timeline").get(5).get("details").get("text").asText())
                .isEqualTo("offered a free class");
        assertThat(jdbc.queryForObject("select count(*) from personal_key where key_id = ?", Long.class,
                "complaint:" + id)).isEqualTo(1);
    }

    private JsonNode complaint(String user, String id, long position) {
        Http.Response response = http.get(user, "/api/views/complaints/" + id + "?position=" + position);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("X-DeskLedger-Consistent")).isEqualTo("true");
        return response.json();
    }

    private void store(String complaint, int sequence, String event, String payload) {
        jdbc.update("""
                insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                complaint, sequence, "ComplaintCase", UUID.randomUUID().toString(),
                "{\"user\":\"cs-desk\",\"centre\":\"cs-misc\"}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), "1", "com.deskledger.kernel.complaint.event." + event,
                Instant.now().toString());
    }
}
