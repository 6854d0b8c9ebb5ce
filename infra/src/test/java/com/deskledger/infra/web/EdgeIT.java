package com.deskledger.infra.web;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP edge: what Tomcat, the firewall, the size limit and Spring MVC refuse answers problem+json with a code,
 * carries the security headers, and stores nothing.
 */
class EdgeIT extends IntegrationTest {

    private static final String USER = "edge-manager";
    private static final String VISIT = "{\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}";

    @Test
    void urlsTomcatRefusesAreProblemJsonNotItsHtmlPage() {
        long before = eventCount();
        for (String path : new String[] {"/api/visits/%00/end", "/api/visits/a%2Fb/end", "/api/visits/a%5Cb/end",
            "/api/visits/%00"}) {
            Http.Response response = post(path, "{\"outcome\":\"RESOLVED\"}");
            problem(response, 400, "REQUEST_REJECTED");
            assertThat(response.text()).as(path).doesNotContain("<html").doesNotContain("Tomcat");
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void urlsTheFirewallRefusesAreProblemJson() {
        long before = eventCount();
        for (String path : new String[] {"/api/visits/a%3Bb/end", "/api/visits/a;b/end", "/api//visits",
            "/api/visits/%2e%2e/end", "/api/visits/%252e/end"}) {
            problem(post(path, "{\"outcome\":\"RESOLVED\"}"), 400, "REQUEST_REJECTED");
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void multipartWithoutBoundaryAndOtherMediaTypesAre415() {
        long before = eventCount();
        problem(send("POST", "/api/visits", Map.of("Content-Type", "multipart/form-data"), "xx"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        problem(send("POST", "/api/visits", Map.of("Content-Type", "multipart/form-data; boundary=b"),
                "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--b--\r\n"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        problem(send("POST", "/api/visits", Map.of("Content-Type", "text/plain"), VISIT), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        problem(send("POST", "/api/visits", Map.of("Content-Type", "application/x-www-form-urlencoded"), "a=b"),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void wrongMethodAndUnacceptableAnswerAreProblemJson() {
        long before = eventCount();
        problem(send("PUT", "/api/visits", Map.of("Content-Type", "application/json"), VISIT), 405,
                "METHOD_NOT_ALLOWED");
        problem(send("DELETE", "/api/visits", Map.of(), ""), 405, "METHOD_NOT_ALLOWED");
        problem(send("POST", "/api/visits", Map.of("Content-Type", "application/json", "Accept", "text/csv"),
                VISIT), 406, "NOT_ACCEPTABLE");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsReadWhetherItsLengthIsGivenOrNot() {
        long before = eventCount();
        byte[] big = ("{\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\",\"x\":\"" + "a".repeat(1_100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        Http.Response declared = http.send(USER, "POST", "/api/visits", Map.of("Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofByteArray(big));
        problem(declared, 413, "PAYLOAD_TOO_LARGE");
        Http.Response chunked = http.send(USER, "POST", "/api/visits", Map.of("Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        problem(chunked, 413, "PAYLOAD_TOO_LARGE");
        Http.Response anonymous = http.send(null, "POST", "/api/visits", Map.of("Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofByteArray(big));
        problem(anonymous, 413, "PAYLOAD_TOO_LARGE");
        assertThat(eventCount()).isEqualTo(before);
        // just under the limit is read (and refused for what it says, not for its size)
        byte[] fits = ("{\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\",\"arrivedAt\":null" + " ".repeat(1_000_000)
                + "}").getBytes(StandardCharsets.UTF_8);
        assertThat(http.send(USER, "POST", "/api/visits", Map.of("Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofByteArray(fits)).status()).isEqualTo(201);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        Http.Response ok = post("/api/visits", VISIT);
        assertThat(ok.status()).isEqualTo(201);
        apiHeaders(ok);
        apiHeaders(http.get(null, "/api/views/reception"));
        apiHeaders(post("/api/visits/%00/end", "{}"));
        apiHeaders(post("/api/visits/a;b/end", "{}"));
        apiHeaders(http.get(USER, "/api/nothing-here"));
        Http.Response page = http.get(null, "/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.PAGE_POLICY)
                .contains("script-src 'self';").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    private static void apiHeaders(Http.Response response) {
        assertThat(response.header("Content-Security-Policy")).as(response.text())
                .isEqualTo(SecurityHeadersFilter.API_POLICY);
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    private Http.Response post(String path, String json) {
        return send("POST", path, Map.of("Content-Type", "application/json"), json);
    }

    private Http.Response send(String method, String path, Map<String, String> headers, String body) {
        return http.send(USER, method, path, headers, HttpRequest.BodyPublishers.ofString(body));
    }

    static void problem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("at com.")
                .doesNotContain("org.springframework").doesNotContain("org.apache");
    }
}
