package com.deskledger.infra.security;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 401 without or with wrong credentials, 403 for the wrong role, public health and API docs, guarded metrics. */
class SecurityIT extends IntegrationTest {

    private static final String START = "{\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}";

    @Test
    void rejectsRequestsWithoutCredentialsAsProblem() {
        Http.Response response = http.post(null, "/api/visits", START);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.header("X-Correlation-Id")).isNotBlank();
    }

    @Test
    void rejectsAWrongPassword() {
        long before = eventCount();
        assertThat(http.post("reception:not-the-password", "/api/visits", START).status()).isEqualTo(401);
        assertThat(http.get("nobody", "/api/views/reception").status()).isEqualTo(401);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void auditorsIssueNoCommands() {
        long before = eventCount();
        Http.Response response = http.post("auditor", "/api/visits", START);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void adminsRunNoDeskCommandsAndSeeNoAudit() {
        assertThat(http.post("admin", "/api/visits", START).status()).isEqualTo(403);
        assertThat(http.get("admin", "/api/views/reception").status()).isEqualTo(403);
    }

    @Test
    void receptionistsDoNotReadTheAuditTrail() {
        String id = http.post("reception", "/api/visits", START).json().get("id").asText();
        assertThat(http.get("reception", "/api/audit/visits/" + id + "/events").status()).isEqualTo(403);
        assertThat(http.get("manager", "/api/audit/visits/" + id + "/events").status()).isEqualTo(200);
    }

    @Test
    void supervisorsAndManagersMayDoWhatReceptionistsDo() {
        assertThat(http.post("supervisor", "/api/visits", START).status()).isEqualTo(201);
        assertThat(http.post("manager", "/api/visits", START).status()).isEqualTo(201);
    }

    @Test
    void usersCannotStartVisitsInAnotherCentre() {
        long before = eventCount();
        Http.Response response = http.post("reception-east", "/api/visits",
                "{\"centre\":\"main\",\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asText()).isEqualTo("FORBIDDEN_CENTRE");
        assertThat(http.get("reception-east", "/api/views/reception?centre=main").status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void healthAndApiDocsArePublic() {
        assertThat(http.get(null, "/actuator/health").status()).isEqualTo(200);
        Http.Response docs = http.get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/visits")).isTrue();
        assertThat(docs.json().get("paths").has("/api/views/reception")).isTrue();
    }

    @Test
    void prometheusNeedsAdminOrAScrapeUserAndShowsAxonAndBusinessMetrics() {
        http.post("reception", "/api/visits", "{\"channel\":\"CALL_IN\",\"purpose\":\"OTHER\",\"rings\":2}");
        assertThat(http.get(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.get("reception", "/actuator/prometheus").status()).isEqualTo(403);
        Http.Response scraped = http.get("scraper", "/actuator/prometheus");
        assertThat(scraped.status()).as(scraped.text()).isEqualTo(200);
        Http.Response metrics = http.get("admin", "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("deskledger_visits_total")
                .contains("deskledger_calls_answered_total{centre=\"main\",within_three_rings=\"true\"}")
                .contains("commandBus_successCounter_total{payloadType=\"StartVisitCommand\"}")
                .contains("eventProcessor_latency")
                .contains("processorName=\"reception\"");
    }
}
