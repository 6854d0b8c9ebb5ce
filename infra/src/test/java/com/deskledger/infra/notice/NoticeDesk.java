package com.deskledger.infra.notice;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.JsonBodies;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the notice tests do at the desk, through HTTP: each call asserts the status it expects. */
final class NoticeDesk {

    static final String CENTRE = "mem-flow";
    static final String DESK = "mem-desk";
    static final String MANAGER = "mem-manager";
    static final String PHONE = "13912345678";

    private final Http http;

    NoticeDesk(Http http) {
        this.http = http;
    }

    static String json(Object... keysAndValues) {
        return JsonBodies.json(keysAndValues);
    }

    /** A child with a guardian whose phone is unique to the test run (no duplicate members). */
    String enrolChild(String name) {
        String guardianPhone = "139" + (System.nanoTime() % 100_000_000L + 100_000_000L);
        return expect(201, "/api/members", json("centre", CENTRE, "kind", "CHILD", "name", name,
                "guardianName", "Guardian of " + name, "guardianPhone", guardianPhone)).get("id").asText();
    }

    void consent(String member, String channel, String address) {
        expect(200, "/api/members/" + member + "/notice-consent", json("consented", true, "channel", channel,
                "address", address));
    }

    void withdraw(String member) {
        expect(200, "/api/members/" + member + "/notice-consent", json("consented", false));
    }

    void buyPack(String member, int credits) {
        expect(201, "/api/members/" + member + "/packages", json("plan", credits + " classes", "kind",
                "CREDIT_PACK", "credits", credits, "price", Map.of("minor", 10_000), "paymentMethod", "CASH"));
    }

    void buyMembership(String member, int days) {
        expect(201, "/api/members/" + member + "/packages", json("plan", days + " days", "kind",
                "TIME_MEMBERSHIP", "days", days, "price", Map.of("minor", 10_000), "paymentMethod", "CASH"));
    }

    static String session(String classCode, Instant start) {
        return json("classCode", classCode, "scheduledStart", start.toString(), "room", "room 1");
    }

    Http.Response checkIn(String member, String classCode, Instant start) {
        return http.post(DESK, "/api/members/" + member + "/check-ins", session(classCode, start));
    }

    JsonNode expect(int status, String path, String body) {
        Http.Response response = http.post(DESK, path, body);
        assertThat(response.status()).as("%s %s", path, response.text()).isEqualTo(status);
        return response.json();
    }
}
