package com.deskledger.infra.web;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The malformed requests of issue 14, and more, against every command endpoint with a body: each text field with
 * a NUL, each whole number as a fraction, an unknown field, money that would be changed on the way in, absurd
 * instants per aggregate, amounts beyond the limit. Each one answers 4xx problem+json naming the field, and none
 * stores an event; the centre's money views keep answering.
 */
class StrictInputIT extends IntegrationTest {

    private static final String USER = "edge-manager";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String visit;
    private String call;
    private String complaint;
    private String member;
    private String purchase;
    private String shift;

    @BeforeEach
    void desk() {
        visit = id(post("/api/visits", "{\"centre\":\"edge\",\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}"));
        call = id(post("/api/visits", "{\"centre\":\"edge\",\"channel\":\"CALL_IN\",\"purpose\":\"OTHER\","
                + "\"rings\":2}"));
        complaint = id(post("/api/complaints", """
                {"centre":"edge","channel":"PHONE","category":"SERVICE","severity":"GENERAL","description":"slow",
                 "customer":{"name":"Chen Jing","phone":"13700001234"}}"""));
        member = id(post("/api/members", "{\"centre\":\"edge\",\"kind\":\"ADULT\",\"name\":\"Zhou "
                + UUID.randomUUID() + "\",\"phone\":\"139" + (10_000_000 + (int) (Math.random() * 89_999_999))
                + "\"}"));
        Http.Response bought = post("/api/members/" + member + "/packages", "{\"plan\":\"10 classes\","
                + "\"kind\":\"CREDIT_PACK\",\"credits\":10,\"price\":{\"minor\":100000},\"paymentMethod\":\"CASH\"}");
        purchase = bought.json().get("purchaseId").asText();
        shift = id(post("/api/shifts", "{\"centre\":\"edge\",\"staff\":\"edge-" + UUID.randomUUID()
                + "\",\"date\":\"" + LocalDate.now(ZoneOffset.UTC) + "\",\"post\":\"reception-duty\","
                + "\"start\":\"00:01\",\"end\":\"00:02\"}"));
    }

    /** A valid body for every command endpoint that takes one. */
    private Map<String, String> endpoints() {
        String soon = Instant.now().plus(Duration.ofDays(2)).toString();
        String now = Instant.now().toString();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("/api/visits", "{\"centre\":\"edge\",\"channel\":\"CALL_IN\",\"purpose\":\"OTHER\",\"rings\":2,"
                + "\"arrivedAt\":\"" + now + "\"}");
        String v = "/api/visits/" + visit;
        bodies.put(v + "/registration", "{\"visitorName\":\"Wang Li\",\"phone\":\"13800001111\","
                + "\"needs\":\"a trial class\",\"referralSource\":\"a friend\"}");
        bodies.put(v + "/consultant", "{\"consultant\":\"li\"}");
        bodies.put("/api/visits/" + call + "/transfer", "{\"to\":\"zhang\",\"reason\":\"busy\"}");
        bodies.put(v + "/messages", "{\"recipient\":\"Teacher Li\",\"callbackNumber\":\"13800001111\","
                + "\"content\":\"call back\"}");
        bodies.put(v + "/member", "{\"memberId\":\"" + member + "\",\"conversion\":true}");
        bodies.put(v + "/feedback", "{\"score\":4,\"comment\":\"good\"}");
        bodies.put(v + "/end", "{\"outcome\":\"RESOLVED\"}");
        bodies.put("/api/complaints", """
                {"centre":"edge","channel":"PHONE","category":"SERVICE","severity":"GENERAL","description":"slow",
                 "customer":{"name":"Chen Jing","phone":"13700001234"},"receivedAt":"%s"}""".formatted(now));
        String c = "/api/complaints/" + complaint;
        bodies.put(c + "/triage", "{\"nature\":\"service\",\"department\":\"desk\",\"severity\":\"GENERAL\"}");
        bodies.put(c + "/assignment", "{\"handler\":\"sup\"}");
        bodies.put(c + "/escalation", "{\"note\":\"needs a manager\"}");
        bodies.put(c + "/notes", "{\"text\":\"called the customer\"}");
        bodies.put(c + "/resolution", "{\"summary\":\"sorry\",\"compensation\":{\"type\":\"VOUCHER\","
                + "\"amountMinor\":1000,\"currency\":\"CNY\"}}");
        bodies.put(c + "/resolution/rejection", "{\"reason\":\"not enough\"}");
        bodies.put(c + "/answer", "{\"satisfied\":false,\"comment\":\"meh\"}");
        bodies.put(c + "/pause", "{\"reason\":\"waiting for the receipt\"}");
        bodies.put(c + "/follow-up", "{\"reached\":true,\"satisfied\":true,\"notes\":\"fine now\"}");
        bodies.put(c + "/withdrawal", "{\"reason\":\"settled\"}");
        bodies.put("/api/members", "{\"centre\":\"edge\",\"kind\":\"CHILD\",\"name\":\"Xiao Ming\","
                + "\"idNumber\":\"110101\",\"guardianName\":\"Wang Fang\",\"guardianPhone\":\"13800002222\","
                + "\"phone\":\"13800003333\",\"email\":\"a@b.cn\",\"visitId\":\"" + visit + "\"}");
        String m = "/api/members/" + member;
        bodies.put(m + "/packages", "{\"plan\":\"membership\",\"kind\":\"TIME_MEMBERSHIP\",\"validFrom\":\""
                + LocalDate.now() + "\",\"days\":30,\"price\":{\"minor\":100000,\"currency\":\"CNY\"},"
                + "\"paymentMethod\":\"CASH\",\"invoiceNumber\":\"F-1\"}");
        bodies.put(m + "/renewals", "{\"purchaseId\":\"" + purchase + "\",\"price\":{\"minor\":100000},"
                + "\"paymentMethod\":\"CASH\",\"invoiceNumber\":\"F-2\"}");
        bodies.put(m + "/sales", "{\"lines\":[{\"productCode\":\"toy\",\"description\":\"a toy\","
                + "\"category\":\"TOY\",\"quantity\":2,\"unitPrice\":{\"minor\":1000}}],\"paymentMethod\":\"CASH\"}");
        bodies.put(m + "/refunds", "{\"purchaseId\":\"" + purchase + "\",\"amount\":{\"minor\":100},"
                + "\"lines\":[{\"line\":1,\"quantity\":1}],\"reason\":\"moved away\"}");
        bodies.put(m + "/refunds/" + UUID.randomUUID() + "/rejection", "{\"reason\":\"too late\"}");
        bodies.put(m + "/check-ins", "{\"classCode\":\"phonics\",\"scheduledStart\":\"" + soon
                + "\",\"room\":\"r1\"}");
        bodies.put(m + "/leaves", "{\"classCode\":\"phonics\",\"scheduledStart\":\"" + soon
                + "\",\"room\":\"r1\",\"reason\":\"ill\"}");
        bodies.put(m + "/no-shows", "{\"classCode\":\"phonics\",\"scheduledStart\":\"" + now
                + "\",\"room\":\"r1\"}");
        bodies.put(m + "/freeze", "{\"reason\":\"a trip\"}");
        bodies.put(m + "/contact", "{\"phone\":\"13900004444\",\"email\":\"x@y.cn\",\"guardianName\":\"G\","
                + "\"guardianPhone\":\"13800005555\"}");
        bodies.put(m + "/notice-consent", "{\"consented\":true,\"channel\":\"SMS\",\"address\":\"13800006666\"}");
        bodies.put("/api/shifts", "{\"centre\":\"edge\",\"staff\":\"s1\",\"date\":\"" + LocalDate.now()
                + "\",\"post\":\"reception-duty\",\"start\":\"10:00\",\"end\":\"11:00\"}");
        String s = "/api/shifts/" + shift;
        bodies.put(s + "/reassignment", "{\"staff\":\"s2\",\"reason\":\"swap\"}");
        bodies.put(s + "/cancellation", "{\"reason\":\"closed\"}");
        bodies.put(s + "/clock-in", "{\"at\":\"" + now + "\"}");
        bodies.put(s + "/clock-out", "{\"at\":\"" + now + "\"}");
        bodies.put(s + "/corrections", "{\"punch\":\"IN\",\"time\":\"" + now + "\",\"reason\":\"paper sheet\"}");
        bodies.put(s + "/head-counts", "{\"classId\":\"c1\",\"className\":\"Phonics\",\"scheduledStart\":\"" + now
                + "\",\"room\":\"r1\",\"count\":3,\"teacher\":\"Ms Li\"}");
        bodies.put(s + "/hand-over", "{\"note\":\"the printer is out of paper\"}");
        return bodies;
    }

    @Test
    void aNulInAnyTextFieldOfAnyCommandIsRefusedNamingTheField() throws Exception {
        assertEveryMutationRefused((node, path) -> {
            if (node.isTextual()) {
                return JSON.getNodeFactory().textNode("a\u0000b");
            }
            return null;
        }, "NUL");
    }

    @Test
    void aFractionInAnyWholeNumberOfAnyCommandIsRefusedNamingTheField() throws Exception {
        assertEveryMutationRefused((node, path) -> node.isIntegralNumber()
                ? JSON.getNodeFactory().numberNode(new java.math.BigDecimal(node.asText() + ".001")) : null,
                "fraction");
    }

    @Test
    void aNumberInAnyTextOrEnumFieldAndTextInAnyOtherFieldAreRefusedNamingTheField() throws Exception {
        assertEveryMutationRefused((node, path) -> node.isTextual() ? JSON.getNodeFactory().numberNode(1)
                : node.isNumber() || node.isBoolean() ? JSON.getNodeFactory().textNode("1") : null, "wrong type");
    }

    @Test
    void anUnknownFieldInAnyCommandIsRefusedNamingIt() throws Exception {
        long before = eventCount();
        for (Map.Entry<String, String> endpoint : endpoints().entrySet()) {
            ObjectNode body = (ObjectNode) JSON.readTree(endpoint.getValue());
            body.put("sneaky", true);
            refused(post(endpoint.getKey(), body.toString()), "sneaky");
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void moneyIsNeverChangedOnTheWayIn() {
        long before = eventCount();
        String m = "/api/members/" + member;
        refused(post(m + "/packages", "{\"plan\":\"p\",\"kind\":\"CREDIT_PACK\",\"credits\":10,"
                + "\"price\":{\"minor\":100.125},\"paymentMethod\":\"CASH\"}"), "price.minor");
        refused(post(m + "/sales", "{\"lines\":[{\"productCode\":\"t\",\"category\":\"TOY\",\"quantity\":1,"
                + "\"unitPrice\":{\"minor\":88.001}}],\"paymentMethod\":\"CASH\"}"), "lines[0].unitPrice.minor");
        refused(post("/api/complaints/" + complaint + "/resolution", "{\"summary\":\"s\",\"compensation\":"
                + "{\"type\":\"REFUND\",\"amountMinor\":80000.001,\"currency\":\"CNY\"}}"),
                "compensation.amountMinor");
        refused(post("/api/visits", "{\"centre\":\"edge\",\"channel\":\"CALL_IN\",\"purpose\":\"OTHER\","
                + "\"rings\":2.5}"), "rings");
        refused(post("/api/visits", "{\"centre\":\"edge\",\"channel\":\"WALK_IN\",\"purpose\":1}"), "purpose");
        refused(post("/api/visits", "{\"centre\":\"edge\",\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}x"), "$");
        refused(post("/api/visits", "{\"centre\":\"edge\",\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\","
                + "\"purpose\":\"ENROLMENT\"}"), "purpose");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void amountsBeyondTheLimitAre422AndTheMoneyViewsKeepAnswering() {
        long before = eventCount();
        String m = "/api/members/" + member;
        rule(post(m + "/packages", "{\"plan\":\"p\",\"kind\":\"CREDIT_PACK\",\"credits\":10,"
                + "\"price\":{\"minor\":9223372036854775807},\"paymentMethod\":\"CASH\"}"), "AMOUNT_TOO_LARGE");
        rule(post(m + "/packages", "{\"plan\":\"p\",\"kind\":\"CREDIT_PACK\",\"credits\":10,"
                + "\"price\":{\"minor\":100000001},\"paymentMethod\":\"CASH\"}"), "AMOUNT_TOO_LARGE");
        rule(post(m + "/sales", "{\"lines\":[{\"productCode\":\"t\",\"category\":\"TOY\",\"quantity\":10000,"
                + "\"unitPrice\":{\"minor\":922337203685477580}}],\"paymentMethod\":\"CASH\"}"), "AMOUNT_TOO_LARGE");
        rule(post(m + "/sales", "{\"lines\":[{\"productCode\":\"t\",\"category\":\"TOY\",\"quantity\":2,"
                + "\"unitPrice\":{\"minor\":60000000}}],\"paymentMethod\":\"CASH\"}"), "AMOUNT_TOO_LARGE");
        rule(post(m + "/sales", "{\"lines\":[{\"productCode\":\"t\",\"category\":\"TOY\",\"quantity\":1,"
                + "\"unitPrice\":{\"minor\":60000000}},{\"productCode\":\"u\",\"category\":\"TOY\",\"quantity\":1,"
                + "\"unitPrice\":{\"minor\":60000000}}],\"paymentMethod\":\"CASH\"}"), "AMOUNT_TOO_LARGE");
        rule(post("/api/complaints/" + complaint + "/resolution", "{\"summary\":\"s\",\"compensation\":"
                + "{\"type\":\"REFUND\",\"amountMinor\":9223372036854775807,\"currency\":\"CNY\"}}"),
                "AMOUNT_TOO_LARGE");
        Http.Response usd = post(m + "/packages", "{\"plan\":\"p\",\"kind\":\"CREDIT_PACK\",\"credits\":10,"
                + "\"price\":{\"minor\":100,\"currency\":\"USD\"},\"paymentMethod\":\"CASH\"}");
        refused(usd, "price.currency");
        assertThat(usd.json().get("errors").get(0).get("code").asText()).isEqualTo("CURRENCY_NOT_ACCEPTED");
        refused(post(m + "/packages", "{\"plan\":\"p\",\"kind\":\"CREDIT_PACK\",\"credits\":10,"
                + "\"price\":{\"minor\":100,\"currency\":\"XXX\"},\"paymentMethod\":\"CASH\"}"), "price.currency");
        assertThat(eventCount()).isEqualTo(before);
        // the largest amount the desk takes is taken, and the views sum it
        Http.Response largest = post(m + "/packages", "{\"plan\":\"p\",\"kind\":\"CREDIT_PACK\",\"credits\":10,"
                + "\"price\":{\"minor\":100000000},\"paymentMethod\":\"CASH\"}");
        assertThat(largest.status()).as(largest.text()).isEqualTo(201);
        long position = largest.json().get("position").asLong();
        for (String view : new String[] {"/api/views/sales?centre=edge", "/api/views/sales/revenue?centre=edge",
            "/api/reports/weekly?centre=edge", "/api/views/members/" + member}) {
            Http.Response answer = http.get(USER, view + (view.contains("?") ? "&" : "?") + "position=" + position);
            assertThat(answer.status()).as(view + " " + answer.text()).isEqualTo(200);
        }
    }

    @Test
    void absurdInstantsAreRefusedPerAggregate() {
        long before = eventCount();
        Instant now = Instant.now();
        for (String arrived : new String[] {"0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            now.plus(Duration.ofDays(3)).toString(), now.minus(Duration.ofDays(2)).toString()}) {
            refused(post("/api/visits", "{\"centre\":\"edge\",\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\","
                    + "\"arrivedAt\":\"" + arrived + "\"}"), "arrivedAt");
        }
        String m = "/api/members/" + member;
        for (String path : new String[] {"/check-ins", "/leaves", "/no-shows"}) {
            refused(post(m + path, "{\"classCode\":\"c\",\"scheduledStart\":\"9999-01-01T10:00:00Z\"}"),
                    "scheduledStart");
            rule(post(m + path, "{\"classCode\":\"c\",\"scheduledStart\":\"0001-01-01T10:00:00Z\"}"),
                    "ATTENDANCE_WINDOW_CLOSED");
        }
        refused(post(m + "/packages", "{\"plan\":\"p\",\"kind\":\"TIME_MEMBERSHIP\",\"validFrom\":\"0001-01-01\","
                + "\"validUntil\":\"9999-12-31\",\"price\":{\"minor\":100},\"paymentMethod\":\"CASH\"}"), "validFrom");
        refused(post(m + "/packages", "{\"plan\":\"p\",\"kind\":\"TIME_MEMBERSHIP\",\"validUntil\":\"9999-12-31\","
                + "\"price\":{\"minor\":100},\"paymentMethod\":\"CASH\"}"), "validUntil");
        for (String date : new String[] {"0001-01-02", "9999-12-31"}) {
            refused(post("/api/shifts", "{\"centre\":\"edge\",\"staff\":\"s9\",\"date\":\"" + date
                    + "\",\"post\":\"reception-duty\"}"), "date");
        }
        // a clock time in the future is the shift's own rule; one before the planning horizon is refused at the edge
        rule(post("/api/shifts/" + shift + "/clock-in", "{\"at\":\"9999-01-01T00:00:00Z\"}"), "CLOCK_TIME_IN_FUTURE");
        refused(post("/api/shifts/" + shift + "/clock-in", "{\"at\":\"0001-01-01T00:00:00Z\"}"), "at");
        refused(post("/api/shifts/" + shift + "/corrections", "{\"punch\":\"IN\",\"time\":\"0001-01-01T00:00:00Z\","
                + "\"reason\":\"r\"}"), "time");
        refused(post("/api/shifts/" + shift + "/head-counts", "{\"classId\":\"c\",\"className\":\"c\","
                + "\"scheduledStart\":\"9999-01-01T00:00:00Z\",\"room\":\"r\",\"count\":1}"), "scheduledStart");
        Http.Response future = post("/api/complaints", """
                {"centre":"edge","channel":"PHONE","category":"SERVICE","severity":"GENERAL","description":"d",
                 "customer":{"name":"C"},"receivedAt":"%s"}""".formatted(now.plus(Duration.ofMinutes(5))));
        refused(future, "receivedAt");
        assertThat(future.json().get("errors").get(0).get("code").asText()).isEqualTo("RECEIVED_IN_FUTURE");
        refused(post("/api/complaints", """
                {"centre":"edge","channel":"PHONE","category":"SERVICE","severity":"GENERAL","description":"d",
                 "customer":{"name":"C"},"receivedAt":"0001-01-01T00:00:00Z"}"""), "receivedAt");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void freeTextKeepsItsLineBreaksAndTabs() {
        Http.Response message = post("/api/visits/" + visit + "/messages", "{\"recipient\":\"Teacher Li\","
                + "\"content\":\"line one\\r\\nline two\\n\\tindented\"}");
        assertThat(message.status()).as(message.text()).isEqualTo(201);
        refused(post("/api/visits/" + visit + "/messages", "{\"recipient\":\"Teacher\\nLi\",\"content\":\"x\"}"),
                "recipient");
    }

    // ---------------------------------------------------------------- helpers

    /** Mutation of one leaf: its replacement, or null to leave it. */
    private interface Mutation {
        JsonNode apply(JsonNode leaf, String path);
    }

    private void assertEveryMutationRefused(Mutation mutation, String what) throws Exception {
        long before = eventCount();
        int sent = 0;
        for (Map.Entry<String, String> endpoint : endpoints().entrySet()) {
            JsonNode valid = JSON.readTree(endpoint.getValue());
            for (String path : leaves(valid)) {
                JsonNode copy = valid.deepCopy();
                if (replace(copy, path, mutation)) {
                    Http.Response response = post(endpoint.getKey(), copy.toString());
                    assertThat(response.status()).as(what + " in " + endpoint.getKey() + " " + path + ": "
                            + response.text()).isEqualTo(400);
                    refused(response, path);
                    sent++;
                }
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(10);
        assertThat(eventCount()).as("events stored by refused requests").isEqualTo(before);
    }

    /** Paths of every leaf, as the problem names them: {@code price.minor}, {@code lines[0].quantity}. */
    private static List<String> leaves(JsonNode node) {
        List<String> paths = new ArrayList<>();
        walk(node, "", (leaf, path) -> paths.add(path));
        return paths;
    }

    private static void walk(JsonNode node, String path, BiConsumer<JsonNode, String> visit) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> walk(f.getValue(), path.isEmpty() ? f.getKey()
                    : path + "." + f.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visit);
            }
        } else {
            visit.accept(node, path);
        }
    }

    private static boolean replace(JsonNode root, String target, Mutation mutation) {
        boolean[] done = {false};
        replaceIn(root, "", target, mutation, done);
        return done[0];
    }

    private static void replaceIn(JsonNode node, String path, String target, Mutation mutation, boolean[] done) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path.isEmpty() ? name : path + "." + name;
                JsonNode value = object.get(name);
                if (child.equals(target)) {
                    JsonNode replaced = mutation.apply(value, child);
                    if (replaced != null) {
                        object.set(name, replaced);
                        done[0] = true;
                    }
                } else {
                    replaceIn(value, child, target, mutation, done);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                String child = path + "[" + i + "]";
                if (child.equals(target)) {
                    JsonNode replaced = mutation.apply(array.get(i), child);
                    if (replaced != null) {
                        array.set(i, replaced);
                        done[0] = true;
                    }
                } else {
                    replaceIn(array.get(i), child, target, mutation, done);
                }
            }
        }
    }

    private Http.Response post(String path, String json) {
        return http.post(USER, path, json);
    }

    private static String id(Http.Response response) {
        assertThat(response.status()).as(response.text()).isBetween(200, 201);
        return response.json().get("id").asText();
    }

    private static void refused(Http.Response response, String field) {
        EdgeIT.problem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.text()).contains(field);
    }

    private static void rule(Http.Response response, String code) {
        EdgeIT.problem(response, 422, code);
    }
}
