package com.deskledger.infra.stock;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.JsonBodies;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the stock tests do at the desk, through HTTP: each call asserts the status it expects. */
final class StockDesk {

    private final Http http;
    private final String user;
    /** The global position of the last event a call appended. */
    long position;

    StockDesk(Http http, String user) {
        this.http = http;
        this.user = user;
    }

    StockDesk as(String other) {
        StockDesk desk = new StockDesk(http, other);
        desk.position = position;
        return desk;
    }

    static String json(Object... keysAndValues) {
        return JsonBodies.json(keysAndValues);
    }

    static Map<String, Object> money(long minor) {
        return Map.of("minor", minor);
    }

    String addProduct(String centre, String code, String category, String use, long priceMinor, int reorderLevel) {
        return created("/api/products", json("centre", centre, "code", code, "name", "Product " + code,
                "category", category, "use", use, "unitPrice", money(priceMinor), "reorderLevel", reorderLevel))
                .get("id").asText();
    }

    String deliver(String product, int quantity, long costMinor) {
        return created("/api/products/" + product + "/deliveries", json("quantity", quantity, "supplier",
                "Happy Toys Ltd", "unitCost", money(costMinor), "deliveryNote", "DN-" + quantity))
                .get("deliveryId").asText();
    }

    JsonNode issue(String product, int quantity, String reason) {
        return created("/api/products/" + product + "/issues", json("quantity", quantity, "reason", reason));
    }

    JsonNode count(String product, int counted, String reason) {
        return created("/api/products/" + product + "/stocktakes", json("counted", counted, "reason", reason));
    }

    String enrolAdult(String centre, String name, String phone) {
        return created("/api/members", json("centre", centre, "kind", "ADULT", "name", name, "phone", phone))
                .get("id").asText();
    }

    Http.Response sell(String member, String code, int quantity, long unitMinor) {
        return http.post(user, "/api/members/" + member + "/sales", json("lines", List.of(Map.of("productCode", code,
                "category", "TOY", "quantity", quantity, "unitPrice", money(unitMinor))), "paymentMethod", "CASH"));
    }

    Http.Response walkIn(String centre, String code, int quantity, String payment) {
        return http.post(user, "/api/products/walk-in-sales", json("centre", centre, "lines",
                List.of(Map.of("productCode", code, "quantity", quantity)), "paymentMethod", payment));
    }

    JsonNode state(String product) {
        Http.Response response = http.get(user, "/api/audit/products/" + product + "/state?at="
                + Instant.now().plusSeconds(60));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("state");
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

    /** A GET that waits for the views to hold the last event appended. */
    JsonNode view(String path) {
        String separator = path.contains("?") ? "&" : "?";
        Http.Response response = http.get(user, path + separator + "position=" + position);
        assertThat(response.status()).as("%s %s", path, response.text()).isEqualTo(200);
        assertThat(response.header("X-DeskLedger-Consistent")).as("consistent " + path).isEqualTo("true");
        return response.json();
    }
}
