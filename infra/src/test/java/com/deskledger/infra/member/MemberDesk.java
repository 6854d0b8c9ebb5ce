package com.deskledger.infra.member;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.JsonBodies;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the member tests do at the desk, through HTTP: each call asserts the status it expects. */
final class MemberDesk {

    private final Http http;
    private final String user;
    /** The global position of the last event a call appended. */
    long position;

    MemberDesk(Http http, String user) {
        this.http = http;
        this.user = user;
    }

    MemberDesk as(String other) {
        MemberDesk desk = new MemberDesk(http, other);
        desk.position = position;
        return desk;
    }

    static String json(Object... keysAndValues) {
        return JsonBodies.json(keysAndValues);
    }

    static Map<String, Object> money(long minor) {
        return Map.of("minor", minor);
    }

    String visit(String centre, Instant arrivedAt) {
        return created("/api/visits", json("centre", centre, "channel", "WALK_IN", "purpose", "ENROLMENT",
                "arrivedAt", arrivedAt.toString())).get("id").asText();
    }

    String enrolChild(String centre, String name, String guardianName, String guardianPhone, String visitId) {
        JsonNode body = created("/api/members", json("centre", centre, "kind", "CHILD", "name", name,
                "guardianName", guardianName, "guardianPhone", guardianPhone, "visitId", visitId));
        if (visitId != null) {
            assertThat(body.get("visitLinked").asBoolean()).as("visit linked").isTrue();
        }
        return body.get("id").asText();
    }

    String buyPack(String member, int credits, long priceMinor, String paymentMethod) {
        return created("/api/members/" + member + "/packages", json("plan", credits + " classes", "kind",
                "CREDIT_PACK", "credits", credits, "price", money(priceMinor), "paymentMethod", paymentMethod,
                "invoiceNumber", "INV-" + credits)).get("purchaseId").asText();
    }

    String buyMembership(String member, String plan, String validFrom, int days, long priceMinor) {
        return created("/api/members/" + member + "/packages", json("plan", plan, "kind", "TIME_MEMBERSHIP",
                "validFrom", validFrom, "days", days, "price", money(priceMinor), "paymentMethod", "CARD"))
                .get("purchaseId").asText();
    }

    String sell(String member, String product, String category, int quantity, long unitMinor, String payment) {
        return created("/api/members/" + member + "/sales", json("lines", List.of(Map.of("productCode", product,
                "category", category, "quantity", quantity, "unitPrice", money(unitMinor))), "paymentMethod",
                payment)).get("purchaseId").asText();
    }

    JsonNode refundAll(String member, String purchase) {
        return created("/api/members/" + member + "/refunds", json("purchaseId", purchase));
    }

    JsonNode refundAmount(String member, String purchase, long minor, String reason) {
        return created("/api/members/" + member + "/refunds", json("purchaseId", purchase, "amount", money(minor),
                "reason", reason));
    }

    JsonNode checkIn(String member, String classCode, Instant start) {
        return ok("/api/members/" + member + "/check-ins", session(classCode, start, null));
    }

    JsonNode leave(String member, String classCode, Instant start) {
        return ok("/api/members/" + member + "/leaves", session(classCode, start, null));
    }

    JsonNode noShow(String member, String classCode, Instant start) {
        return ok("/api/members/" + member + "/no-shows", session(classCode, start, null));
    }

    static String session(String classCode, Instant start, String reason) {
        return json("classCode", classCode, "scheduledStart", start.toString(), "room", "room 1", "reason", reason);
    }

    JsonNode created(String path, String body) {
        return expect(201, path, body);
    }

    JsonNode ok(String path, String body) {
        return expect(200, path, body);
    }

    JsonNode expect(int status, String path, String body) {
        Http.Response response = http.post(user, path, body);
        assertThat(response.status()).as("%s %s", path, response.text()).isEqualTo(status);
        JsonNode json = response.json();
        if (json.has("position")) {
            position = Math.max(position, json.get("position").asLong());
        }
        return json;
    }

    /** A GET that waits for the given view to hold the last event appended. */
    JsonNode view(String path) {
        String separator = path.contains("?") ? "&" : "?";
        Http.Response response = http.get(user, path + separator + "position=" + position);
        assertThat(response.status()).as("%s %s", path, response.text()).isEqualTo(200);
        assertThat(response.header("X-DeskLedger-Consistent")).as("consistent " + path).isEqualTo("true");
        return response.json();
    }
}
