package com.deskledger.infra.complaint;

import com.deskledger.infra.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * SLA clocks on real PostgreSQL and db-scheduler: with a short test SLA (cs-sla: 2 s to the first response, 4 s to
 * the resolution) a complaint nobody touches breaches and escalates by itself; waiting on the customer keeps one
 * from breaching (cs-pause: 12 s to the resolution); targets count only a centre's opening hours (cs-hours).
 */
class ComplaintSlaIT extends ComplaintTestSupport {

    @Test
    void aComplaintNobodyTouchesBreachesAndEscalatesByItself() {
        String id = file("cs-desk", "cs-sla", "GENERAL");

        await("both SLA targets to pass", () -> Collections.frequency(eventTypes(jdbc, id), "SlaBreachedEvent") == 2);
        assertThat(eventTypes(jdbc, id)).containsExactly("ComplaintFiledEvent", "SlaClockStartedEvent",
                "SlaClockStartedEvent", "SlaBreachedEvent", "ComplaintEscalatedEvent", "SlaBreachedEvent",
                "ComplaintEscalatedEvent");
        assertThat(deadlinesOf(jdbc, id)).as("a deadline that fired is gone").isEmpty();

        // the audit trail shows the deadline, not a person, did it
        JsonNode events = http.get("cs-audit", "/api/audit/complaints/" + id + "/events").json().get("events");
        JsonNode firstBreach = events.get(3);
        assertThat(firstBreach.get("payload").get("clock").asText()).isEqualTo("FIRST_RESPONSE");
        assertThat(firstBreach.get("payload").get("level").asText()).isEqualTo("HANDLER");
        assertThat(firstBreach.get("payload").get("at").asText())
                .isEqualTo(events.get(1).get("payload").get("dueAt").asText());
        assertThat(firstBreach.get("metadata").get("user").asText()).isEqualTo("system");
        assertThat(firstBreach.get("metadata").get("centre").asText()).isEqualTo("cs-sla");
        assertThat(firstBreach.get("metadata").get("causationId").asText()).isNotBlank();
        assertThat(firstBreach.get("metadata").has("roles")).as("nothing of the filing request").isFalse();
        assertThat(firstBreach.get("metadata").has("clientAddress")).isFalse();
        assertThat(firstBreach.get("metadata").has("correlationId")).isFalse();
        JsonNode firstEscalation = events.get(4).get("payload");
        assertThat(firstEscalation.get("from").asText()).isEqualTo("HANDLER");
        assertThat(firstEscalation.get("to").asText()).isEqualTo("SUPERVISOR");
        assertThat(firstEscalation.get("reason").asText()).isEqualTo("SLA_BREACH");
        assertThat(events.get(4).get("metadata").get("user").asText()).isEqualTo("system");
        assertThat(events.get(6).get("payload").get("to").asText()).isEqualTo("MANAGER");

        // the list and the KPIs show it
        long position = jdbc.queryForObject(
                "select max(globalindex) from domainevententry where aggregateidentifier = ?", Long.class, id);
        JsonNode row = http.get("cs-desk", "/api/views/complaints/" + id + "?position=" + position).json()
                .get("complaint");
        assertThat(row.get("level").asText()).isEqualTo("MANAGER");
        assertThat(row.get("slaState").asText()).isEqualTo("BREACHED");
        assertThat(ids(http.get("cs-desk", "/api/views/complaints?centre=cs-sla&sla=BREACHED")))
                .containsExactly(id);
        assertThat(ids(http.get("cs-desk", "/api/views/complaints?centre=cs-sla&sla=ON_TRACK"))).isEmpty();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode overall = http.get("cs-manager", "/api/views/complaints/kpis?centre=cs-sla&from=" + today.minusDays(1)
                + "&to=" + today.plusDays(1)).json().get("overall");
        assertThat(overall.get("filed").asLong()).isEqualTo(1);
        assertThat(overall.get("breached").asLong()).isEqualTo(1);
        assertThat(overall.get("slaBreachRate").asDouble()).isEqualTo(1.0);
        assertThat(overall.get("open").asLong()).isEqualTo(1);

        // and so do the metrics
        String metrics = http.get("scraper", "/actuator/prometheus").text();
        assertThat(metrics)
                .contains("deskledger_complaints_filed_total{centre=\"cs-sla\",severity=\"GENERAL\"} 1.0")
                .contains("deskledger_complaints_sla_breaches_total{centre=\"cs-sla\",clock=\"FIRST_RESPONSE\"} 1.0")
                .contains("deskledger_complaints_sla_breaches_total{centre=\"cs-sla\",clock=\"RESOLUTION\"} 1.0")
                .contains("deskledger_complaints_open{centre=\"cs-sla\"} 1.0");
    }

    @Test
    void waitingOnTheCustomerKeepsAComplaintFromBreaching() {
        String id = file("cs-desk", "cs-pause", "GENERAL");
        Http.Response paused = http.post("cs-desk", "/api/complaints/" + id + "/pause",
                "{\"reason\":\"waiting for the payment receipt\"}");
        assertThat(paused.status()).as(paused.text()).isEqualTo(200);
        assertThat(deadlinesOf(jdbc, id)).as("pausing cancels the deadlines in PostgreSQL").isEmpty();

        JsonNode events = http.get("cs-audit", "/api/audit/complaints/" + id + "/events").json().get("events");
        Instant originalDue = Instant.parse(events.get(2).get("payload").get("dueAt").asText());
        await("the original resolution target to be well past",
                () -> Instant.now().isAfter(originalDue.plusSeconds(5)));
        assertThat(eventTypes(jdbc, id)).doesNotContain("SlaBreachedEvent");
        JsonNode row = http.get("cs-desk", "/api/views/complaints/" + id + "?position="
                + paused.json().get("position").asLong()).json().get("complaint");
        assertThat(row.get("status").asText()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(row.get("slaState").asText()).isEqualTo("PAUSED");
        assertThat(row.has("resolutionDueAt")).isFalse();
        assertThat(ids(http.get("cs-desk", "/api/views/complaints?centre=cs-pause&sla=PAUSED"))).contains(id);

        // resumed, the clock runs on with the time it had left: due later than it was by the length of the pause
        Http.Response resumed = http.post("cs-desk", "/api/complaints/" + id + "/resume", null);
        assertThat(resumed.status()).isEqualTo(200);
        Instant newDue = Instant.parse(http.get("cs-desk", "/api/views/complaints/" + id + "?position="
                + resumed.json().get("position").asLong()).json().get("complaint").get("resolutionDueAt").asText());
        assertThat(newDue).isAfter(originalDue.plusSeconds(5));
        assertThat(deadlinesOf(jdbc, id)).containsExactly(new StoredDeadline("complaint-sla-resolution", newDue));

        await("the time left to run out", () -> eventTypes(jdbc, id).contains("SlaBreachedEvent"));
        JsonNode breach = http.get("cs-audit", "/api/audit/complaints/" + id + "/events").json().get("events")
                .get(eventTypes(jdbc, id).indexOf("SlaBreachedEvent"));
        assertThat(breach.get("payload").get("clock").asText()).isEqualTo("RESOLUTION");
        assertThat(Instant.parse(breach.get("payload").get("at").asText()))
                .as("the view keeps microseconds").isCloseTo(newDue, within(1, ChronoUnit.MICROS));
    }

    @Test
    void countsTheTargetsInTheCentresOpeningHours() {
        // cs-hours opens on Tuesdays 09:00-12:00 and 13:00-18:00 and on Saturdays 10:00-16:00 (Asia/Shanghai)
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate monday = LocalDate.now(zone).with(TemporalAdjusters.previous(DayOfWeek.MONDAY));
        Instant receivedAt = monday.atTime(10, 0).atZone(zone).toInstant();
        String id = file(http, "cs-desk", "cs-hours", "GENERAL", receivedAt.toString());

        JsonNode events = http.get("cs-audit", "/api/audit/complaints/" + id + "/events").json().get("events");
        JsonNode firstResponse = events.get(1).get("payload");
        JsonNode resolution = events.get(2).get("payload");
        // 4 hours: Tuesday 09:00-12:00 and 13:00-14:00
        assertThat(firstResponse.get("target").asText()).isEqualTo("PT4H");
        assertThat(Instant.parse(firstResponse.get("dueAt").asText()))
                .isEqualTo(monday.plusDays(1).atTime(LocalTime.of(14, 0)).atZone(zone).toInstant());
        // 24 hours: two Tuesdays (8 each), a Saturday (6) and two hours of the next Saturday
        assertThat(Instant.parse(resolution.get("dueAt").asText()))
                .isEqualTo(monday.plusDays(12).atTime(LocalTime.of(12, 0)).atZone(zone).toInstant());
    }

    private static List<String> ids(Http.Response page) {
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        return page.json().get("items").findValuesAsText("complaintId");
    }
}
