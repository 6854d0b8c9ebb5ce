package com.deskledger.infra.visit;

import com.deskledger.infra.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visit events stored at revision 1, before the registration form was sealed, still read: the upcaster marks
 * their plain values, the audit trail shows them so marked (masked for auditors), and the reception view shows
 * them as they were.
 */
class LegacyVisitEventsIT extends IntegrationTest {

    @Test
    void aRevisionOneRegistrationIsReadThroughTheUpcaster() {
        String visit = UUID.randomUUID().toString();
        store(visit, 0, "VisitStartedEvent", "1", """
                {"visitId":"%s","centre":"utc","channel":"WALK_IN","purpose":"OTHER","receptionist":"flow-desk",
                 "arrivedAt":"2026-07-07T07:07:07Z"}""".formatted(visit));
        store(visit, 1, "VisitorRegisteredEvent", "1", """
                {"visitId":"%s","visitorName":"Li Si","phone":"13600006666","needs":"","referralSource":"web",
                 "at":"2026-07-07T07:08:00Z"}""".formatted(visit));
        long position = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);

        JsonNode events = http.get("auditor", "/api/audit/visits/" + visit + "/events").json().get("events");
        assertThat(events.get(1).get("revision").asText()).isEqualTo("3");
        // stored as plain:Li Si, shown to an auditor by the views' masking rule
        assertThat(events.get(1).get("payload").get("visitorName").asText()).isEqualTo("L****");
        assertThat(events.get(1).get("payload").get("phone").asText()).isEqualTo("136******66");
        assertThat(events.get(1).get("payload").has("needs")).isFalse();

        JsonNode visits = http.get("flow-desk", "/api/views/reception/visits?centre=utc&date=2026-07-07&position="
                + position).json().get("items");
        JsonNode ours = null;
        for (JsonNode item : visits) {
            if (item.get("visitId").asText().equals(visit)) {
                ours = item;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(ours.get("visitorName").asText()).isEqualTo("Li Si");
        assertThat(ours.get("phone").asText()).isEqualTo("13600006666");
    }

    private void store(String visit, int sequence, String event, String revision, String payload) {
        jdbc.update("""
                insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                visit, sequence, "VisitorSession", UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8), revision,
                "com.deskledger.kernel.visit.event." + event, "2026-07-07T07:08:00Z");
    }
}
