package com.deskledger.infra.audit;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.infra.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state of an aggregate as of an instant, for each of the four kinds, through HTTP: every kind's own handlers
 * rebuild it, including those whose command handlers take injected resources (the personal-data vault, the
 * complaint policy, the deadline manager). The instants are the stored events' own timestamps, so the test does
 * not depend on how fast the machine is.
 */
class AggregateStateIT extends IntegrationTest {

    private static final ZoneId MAIN = ZoneId.of("Asia/Shanghai");

    @Test
    void aMembersCreditsBeforeAndAfterACheckIn() {
        String member = created(http.post("reception", "/api/members", "{\"centre\":\"main\",\"kind\":\"ADULT\","
                + "\"name\":\"State Test Adult\",\"phone\":\"13900002222\"}")).get("id").asText();
        String pack = created(http.post("reception", "/api/members/" + member + "/packages", "{\"plan\":\"10 classes\","
                + "\"kind\":\"CREDIT_PACK\",\"credits\":10,\"price\":{\"minor\":150000},\"paymentMethod\":\"CARD\"}"))
                .get("purchaseId").asText();
        Instant bought = lastEventAt("members", member);
        Http.Response checkIn = http.post("reception", "/api/members/" + member + "/check-ins",
                "{\"classCode\":\"STATE-1\",\"scheduledStart\":\"" + Instant.now().plus(Duration.ofHours(1))
                        + "\",\"room\":\"A1\"}");
        assertThat(checkIn.status()).as(checkIn.text()).isIn(200, 201);

        JsonNode before = state("members", member, bought);
        assertThat(before.get("aggregateType").asText()).isEqualTo("MemberAccount");
        assertThat(before.get("sequence").asLong()).isEqualTo(1);
        assertThat(before.get("state").get("packages").get(pack).get("creditsLeft").asInt()).isEqualTo(10);

        JsonNode after = state("members", member, Instant.now());
        assertThat(after.get("sequence").asLong()).isEqualTo(2);
        assertThat(after.get("state").get("packages").get(pack).get("creditsLeft").asInt()).isEqualTo(9);
    }

    /** The one masking rule: a waiting refund's reason is sealed in the state; an auditor is shown it withheld. */
    @Test
    void aWaitingRefundsReasonIsWithheldFromAnAuditorAsInTheAuditHistory() {
        try {
            TestClock.pin(Instant.parse("2026-09-01T02:00:00Z"));
            String member = created(http.post("reception", "/api/members", "{\"centre\":\"main\",\"kind\":\"ADULT\","
                    + "\"name\":\"State Refund Adult\",\"phone\":\"13900004444\"}")).get("id").asText();
            String pack = created(http.post("reception", "/api/members/" + member + "/packages",
                    "{\"plan\":\"5 classes\",\"kind\":\"CREDIT_PACK\",\"credits\":5,\"price\":{\"minor\":50000},"
                            + "\"paymentMethod\":\"CARD\"}"))
                    .get("purchaseId").asText();
            TestClock.pin(Instant.parse("2026-09-12T02:00:00Z"));
            JsonNode refund = created(http.post("reception", "/api/members/" + member + "/refunds", "{\"purchaseId\":\""
                    + pack + "\",\"amount\":{\"minor\":1000},\"reason\":\"moving to another city\"}"));
            String refundId = refund.get("refundId").asText();
            Instant at = lastEventAt("members", member);

            JsonNode audited = state("members", member, at).get("state").get("pendingRefunds").get(refundId);
            assertThat(audited.get("reason").asText()).isEqualTo("[withheld]");
            assertThat(audited.get("amount").get("minor").asLong()).isEqualTo(1000);
            Http.Response managed = http.get("manager", "/api/audit/members/" + member + "/state?at=" + at);
            assertThat(managed.status()).as(managed.text()).isEqualTo(200);
            assertThat(managed.json().get("state").get("pendingRefunds").get(refundId).get("reason").asText())
                    .startsWith("v1:").doesNotContain("another city");
        } finally {
            TestClock.unpin();
        }
    }

    @Test
    void aComplaintBeforeAndAfterItsSlaBreach() throws InterruptedException {
        // received five hours ago: the first response (4 business hours, open around the clock) is overdue at once,
        // so its deadline fires at the scheduler's next poll
        String complaint = created(http.post("reception", "/api/complaints", "{\"centre\":\"main\","
                + "\"channel\":\"PHONE\",\"category\":\"SERVICE\",\"severity\":\"GENERAL\","
                + "\"description\":\"nobody called back\",\"customer\":{\"name\":\"Zhao Lei\"},"
                + "\"receivedAt\":\"" + Instant.now().minus(Duration.ofHours(5)) + "\"}")).get("id").asText();
        Instant filed = lastEventAt("complaints", complaint);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!eventTypes(complaint).contains("SlaBreachedEvent")) {
            assertThat(Instant.now()).as("the first-response deadline fires").isBefore(deadline);
            Thread.sleep(200);
        }

        JsonNode before = state("complaints", complaint, filed);
        assertThat(before.get("aggregateType").asText()).isEqualTo("ComplaintCase");
        assertThat(before.get("state").get("level").asText()).isEqualTo("HANDLER");
        assertThat(before.get("state").get("clocks").get("FIRST_RESPONSE").get("breached").asBoolean()).isFalse();

        JsonNode after = state("complaints", complaint, Instant.now());
        assertThat(after.get("sequence").asLong()).isGreaterThan(before.get("sequence").asLong());
        assertThat(after.get("state").get("clocks").get("FIRST_RESPONSE").get("breached").asBoolean()).isTrue();
        assertThat(after.get("state").get("level").asText()).isEqualTo("SUPERVISOR");
    }

    @Test
    void aVisitBeforeAndAfterItsEnd() {
        String visit = created(http.post("reception", "/api/visits", "{\"centre\":\"main\",\"channel\":\"WALK_IN\","
                + "\"purpose\":\"CONSULTATION\"}")).get("id").asText();
        assertThat(http.post("reception", "/api/visits/" + visit + "/registration", "{\"visitorName\":\"Qian Yu\","
                + "\"phone\":\"13700003333\",\"needs\":\"trial class\"}").status()).isEqualTo(200);
        Instant registered = lastEventAt("visits", visit);
        assertThat(http.post("reception", "/api/visits/" + visit + "/end", "{\"outcome\":\"FOLLOW_UP_NEEDED\"}")
                .status()).isEqualTo(200);

        JsonNode before = state("visits", visit, registered);
        assertThat(before.get("aggregateType").asText()).isEqualTo("VisitorSession");
        assertThat(before.get("sequence").asLong()).isEqualTo(1);
        assertThat(before.get("state").get("ended").asBoolean()).isFalse();

        JsonNode after = state("visits", visit, Instant.now());
        assertThat(after.get("sequence").asLong()).isEqualTo(2);
        assertThat(after.get("state").get("ended").asBoolean()).isTrue();
    }

    @Test
    void aShiftBeforeAndAfterItsClockIn() {
        ZonedDateTime start = ZonedDateTime.now(MAIN).truncatedTo(ChronoUnit.MINUTES).minusMinutes(30);
        Http.Response scheduled = http.post("supervisor", "/api/shifts", "{\"centre\":\"main\",\"staff\":\"state-zhang\","
                + "\"date\":\"" + start.toLocalDate() + "\",\"post\":\"reception-duty\",\"start\":\""
                + start.toLocalTime() + "\",\"end\":\"" + start.plusHours(4).toLocalTime() + "\"}");
        String shift = created(scheduled).get("id").asText();
        Instant planned = lastEventAt("shifts", shift);
        Http.Response clockIn = http.post("supervisor", "/api/shifts/" + shift + "/clock-in", null);
        assertThat(clockIn.status()).as(clockIn.text()).isEqualTo(200);

        JsonNode before = state("shifts", shift, planned);
        assertThat(before.get("aggregateType").asText()).isEqualTo("Shift");
        assertThat(before.get("state").path("clockIn").asText(null)).as("not clocked in yet").isNull();

        JsonNode after = state("shifts", shift, Instant.now());
        assertThat(after.get("sequence").asLong()).isEqualTo(1);
        assertThat(after.get("state").path("clockIn").asText(null)).as("clocked in").isNotNull();
    }

    private JsonNode state(String kind, String id, Instant at) {
        Http.Response response = http.get("auditor", "/api/audit/" + kind + "/" + id + "/state?at=" + at);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** The timestamp of the aggregate's newest stored event, as the audit history shows it. */
    private Instant lastEventAt(String kind, String id) {
        JsonNode events = http.get("auditor", "/api/audit/" + kind + "/" + id + "/events").json().get("events");
        return Instant.parse(events.get(events.size() - 1).get("timestamp").asText());
    }

    private java.util.List<String> eventTypes(String aggregateId) {
        return jdbc.queryForList("select payloadtype from domainevententry where aggregateidentifier = ? "
                + "order by sequencenumber", String.class, aggregateId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private static JsonNode created(Http.Response response) {
        assertThat(response.status()).as(response.text()).isIn(200, 201);
        return response.json();
    }
}
