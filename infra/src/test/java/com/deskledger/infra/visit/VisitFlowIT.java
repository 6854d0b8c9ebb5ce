package com.deskledger.infra.visit;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.infra.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The foundation's story end to end: HTTP command → stored event with metadata → view → audit. */
class VisitFlowIT extends IntegrationTest {

    private final ObjectMapper json = new ObjectMapper();

    /**
     * A visit arrives at most a day before now: each test's desk works on the day of its fixed dates, the
     * application's clock pinned to it.
     */
    private static void deskDay(String now) {
        TestClock.pin(Instant.parse(now));
    }

    @AfterEach
    void realTime() {
        TestClock.unpin();
    }

    @Test
    void callWithMessageReachesTheViewAndTheAuditTrailWithWhoDidIt() throws Exception {
        deskDay("2026-03-02T02:30:00Z");
        Http.Response started = http.post("reception", "/api/visits",
                "{\"channel\":\"CALL_IN\",\"purpose\":\"CONSULTATION\",\"rings\":5,"
                        + "\"arrivedAt\":\"2026-03-02T02:15:00Z\"}",
                Map.of("X-Correlation-Id", "flow-call-1"));
        assertThat(started.status()).isEqualTo(201);
        String id = started.json().get("id").asText();
        assertThat(started.header("Location")).isEqualTo("/api/visits/" + id);
        assertThat(started.header("X-Correlation-Id")).isEqualTo("flow-call-1");
        assertThat(started.json().get("position").asLong()).isPositive();

        Http.Response message = http.post("reception", "/api/visits/" + id + "/messages",
                "{\"recipient\":\"Teacher Li\",\"callbackNumber\":\"13812345678\",\"content\":\"call back\"}");
        assertThat(message.status()).isEqualTo(201);
        long position = message.json().get("position").asLong();
        assertThat(position).isGreaterThan(started.json().get("position").asLong());
        // the position answered is exactly the global index of the event each command appended
        assertThat(started.json().get("position").asLong()).isEqualTo(jdbc.queryForObject("""
                select globalindex from domainevententry where aggregateidentifier = ? and sequencenumber = 0""",
                Long.class, id));
        assertThat(position).isEqualTo(jdbc.queryForObject("""
                select globalindex from domainevententry where aggregateidentifier = ? and sequencenumber = 1""",
                Long.class, id));

        // the stored event carries who, where and which request
        byte[] metadata = jdbc.queryForObject("""
                select metadata from domainevententry where aggregateidentifier = ? and sequencenumber = 0""",
                byte[].class, id);
        JsonNode meta = json.readTree(metadata);
        assertThat(meta.get("user").asText()).isEqualTo("reception");
        assertThat(meta.get("roles").asText()).isEqualTo("RECEPTIONIST");
        assertThat(meta.get("centre").asText()).isEqualTo("main");
        assertThat(meta.get("correlationId").asText()).isEqualTo("flow-call-1");
        assertThat(meta.get("causationId").asText()).isNotBlank();
        assertThat(meta.get("clientAddress").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        String payloadType = jdbc.queryForObject("""
                select payloadtype from domainevententry where aggregateidentifier = ? and sequencenumber = 0""",
                String.class, id);
        assertThat(payloadType).endsWith("VisitStartedEvent");

        // the view, read after waiting for our own write
        Http.Response day = http.get("reception", "/api/views/reception?date=2026-03-02&position=" + position);
        assertThat(day.status()).isEqualTo(200);
        assertThat(day.header("X-DeskLedger-Consistent")).isEqualTo("true");
        JsonNode view = day.json();
        assertThat(view.get("byChannel").get("CALL_IN").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(view.get("byHour").get(10).get("calls").asLong()).isGreaterThanOrEqualTo(1); // 02:15Z = 10:15 CST
        assertThat(view.get("undeliveredMessages").asLong()).isGreaterThanOrEqualTo(1);

        Http.Response messages = http.get("reception", "/api/views/reception/messages?size=200&position=" + position);
        JsonNode ours = find(messages.json().get("items"), "visitId", id);
        assertThat(ours.get("recipient").asText()).isEqualTo("Teacher Li");
        assertThat(ours.get("callbackNumber").asText()).isEqualTo("13812345678");

        // auditors see the events with their metadata; a receptionist of another centre does not
        Http.Response audit = http.get("auditor", "/api/audit/visits/" + id + "/events");
        assertThat(audit.status()).isEqualTo(200);
        JsonNode events = audit.json().get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("type").asText()).isEqualTo("VisitStartedEvent");
        assertThat(events.get(0).get("metadata").get("user").asText()).isEqualTo("reception");
        assertThat(events.get(0).get("metadata").get("centre").asText()).isEqualTo("main");
        assertThat(events.get(1).get("type").asText()).isEqualTo("MessageTakenEvent");
        assertThat(events.get(1).get("sequence").asLong()).isEqualTo(1);

        assertThat(http.get("reception-east", "/api/audit/visits/" + id + "/events").status()).isEqualTo(403);
        long before = eventCount(id);
        Http.Response foreign = http.post("reception-east", "/api/visits/" + id + "/end", "{\"outcome\":\"RESOLVED\"}");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("code").asText()).isEqualTo("FORBIDDEN_CENTRE");
        assertThat(eventCount(id)).isEqualTo(before);
    }

    @Test
    void receptionDayCountsChannelsHoursRingsConsultantTimeAndConversions() {
        // centre "utc" belongs to flow-desk only, so these are the only visits of that day there
        deskDay("2026-04-02T00:30:00Z");
        String call1 = start("CALL_IN", "CONSULTATION", 2, "2026-04-01T09:00:00Z");
        String call2 = start("CALL_IN", "BOOKING", 3, "2026-04-01T09:30:00Z");
        start("CALL_IN", "OTHER", 6, "2026-04-01T14:10:00Z");
        String walkIn = start("WALK_IN", "ENROLMENT", null, "2026-04-01T14:20:00Z");
        start("WALK_IN", "CONSULTATION", null, "2026-04-02T00:00:00Z"); // the next day

        assertThat(http.post("flow-desk", "/api/visits/" + walkIn + "/consultant",
                "{\"consultant\":\"consultant-wang\"}").status()).isEqualTo(200);
        long position = http.post("flow-desk", "/api/visits/" + walkIn + "/member",
                "{\"memberId\":\"m-42\",\"conversion\":true}").json().get("position").asLong();
        assertThat(http.post("flow-desk", "/api/visits/" + call1 + "/end", "{\"outcome\":\"RESOLVED\"}").status())
                .isEqualTo(200);
        assertThat(http.post("flow-desk", "/api/visits/" + call2 + "/transfer", "{\"to\":\"supervisor\"}").status())
                .isEqualTo(200);

        JsonNode day = http.get("flow-desk", "/api/views/reception?centre=utc&date=2026-04-01&position=" + position)
                .json();
        assertThat(day.get("zone").asText()).isEqualTo("UTC");
        assertThat(day.get("total").asLong()).isEqualTo(4);
        assertThat(day.get("byChannel").get("CALL_IN").asLong()).isEqualTo(3);
        assertThat(day.get("byChannel").get("WALK_IN").asLong()).isEqualTo(1);
        assertThat(day.get("byHour").get(9).get("visits").asLong()).isEqualTo(2);
        assertThat(day.get("byHour").get(14).get("visits").asLong()).isEqualTo(2);
        assertThat(day.get("byHour").get(14).get("calls").asLong()).isEqualTo(1);
        assertThat(day.get("calls").asLong()).isEqualTo(3);
        assertThat(day.get("callsAnsweredWithinThreeRings").asLong()).isEqualTo(2);
        assertThat(day.get("shareWithinThreeRings").asDouble()).isEqualTo(2.0 / 3.0);
        assertThat(day.get("conversions").asLong()).isEqualTo(1);
        assertThat(day.get("averageSecondsToConsultant").asDouble()).isPositive();

        JsonNode visits = http.get("flow-desk", "/api/views/reception/visits?centre=utc&date=2026-04-01&size=3")
                .json();
        assertThat(visits.get("total").asLong()).isEqualTo(4);
        assertThat(visits.get("items")).hasSize(3);
        assertThat(visits.get("items").get(0).get("visitId").asText()).isEqualTo(walkIn); // newest first
        assertThat(visits.get("items").get(0).get("conversion").asBoolean()).isTrue();
    }

    @Test
    void deliveredMessagesLeaveTheToDoListAndCannotBeDeliveredTwice() {
        deskDay("2026-04-03T01:30:00Z");
        String visit = start("CALL_IN", "OTHER", 1, "2026-04-03T01:00:00Z");
        String first = http.post("flow-desk", "/api/visits/" + visit + "/messages",
                "{\"recipient\":\"Ms Zhao\",\"callbackNumber\":\"13900001111\",\"content\":\"first\"}")
                .json().get("messageId").asText();
        String second = http.post("flow-desk", "/api/visits/" + visit + "/messages",
                "{\"recipient\":\"Mr Sun\",\"content\":\"second\"}").json().get("messageId").asText();
        assertThat(http.post("flow-desk", "/api/visits/" + visit + "/end", "{\"outcome\":\"FOLLOW_UP_NEEDED\"}")
                .status()).isEqualTo(200);
        Http.Response delivered = http.post("flow-desk", "/api/visits/" + visit + "/messages/" + first + "/delivery",
                null);
        assertThat(delivered.status()).isEqualTo(200);

        JsonNode list = http.get("flow-desk", "/api/views/reception/messages?centre=utc&position="
                + delivered.json().get("position").asLong()).json();
        assertThat(list.get("items").findValuesAsText("messageId")).contains(second).doesNotContain(first);

        long before = eventCount(visit);
        Http.Response again = http.post("flow-desk", "/api/visits/" + visit + "/messages/" + first + "/delivery",
                null);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("code").asText()).isEqualTo("MESSAGE_ALREADY_DELIVERED");
        assertThat(eventCount(visit)).isEqualTo(before);
    }

    @Test
    void auditorsSeeCallBackNumbersMaskedDeskStaffInFull() {
        deskDay("2026-04-04T01:30:00Z");
        String visit = start("CALL_IN", "OTHER", 2, "2026-04-04T01:00:00Z");
        long position = http.post("flow-desk", "/api/visits/" + visit + "/messages",
                "{\"recipient\":\"Mr Qian\",\"callbackNumber\":\"13712345678\",\"content\":\"x\"}")
                .json().get("position").asLong();
        JsonNode desk = find(http.get("flow-desk", "/api/views/reception/messages?centre=flow&size=200&position="
                + position).json().get("items"), "visitId", visit);
        assertThat(desk).isNull(); // it is in centre utc, not flow
        JsonNode full = find(http.get("flow-desk", "/api/views/reception/messages?centre=utc&size=200").json()
                .get("items"), "visitId", visit);
        assertThat(full.get("callbackNumber").asText()).isEqualTo("13712345678");
        JsonNode masked = find(http.get("flow-audit", "/api/views/reception/messages?centre=utc&size=200").json()
                .get("items"), "visitId", visit);
        assertThat(masked.get("callbackNumber").asText()).isEqualTo("137******78");
        assertThat(http.get("reception-east", "/api/views/reception/messages?centre=utc").status()).isEqualTo(403);
    }

    private String start(String channel, String purpose, Integer rings, String arrivedAt) {
        Http.Response response = http.post("flow-desk", "/api/visits", "{\"centre\":\"utc\",\"channel\":\"" + channel
                + "\",\"purpose\":\"" + purpose + "\"" + (rings == null ? "" : ",\"rings\":" + rings)
                + ",\"arrivedAt\":\"" + arrivedAt + "\"}");
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (value.equals(item.get(field).asText())) {
                return item;
            }
        }
        return null;
    }
}
