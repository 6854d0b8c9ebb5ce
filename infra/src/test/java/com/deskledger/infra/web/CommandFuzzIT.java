package com.deskledger.infra.web;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's fuzz test. It reads the application's own OpenAPI document and, for every command endpoint (POST, PUT,
 * PATCH, DELETE under {@code /api}), builds a well-shaped body from the endpoint's schema and sends malformed
 * variants of it, generated with jqwik's arbitraries: wrong types, missing and extra fields, out-of-range numbers,
 * fractions where whole numbers (money) go, huge and control-character strings, absurd dates, deep nesting, bad path
 * ids, wrong content types and oversized bodies. Every answer must be 4xx problem+json with a code, carry no stack
 * trace or class name, and store no event of the fuzzing user; afterwards a valid command shows up in every view
 * (every streaming processor passes its position, none in error).
 */
class CommandFuzzIT extends IntegrationTest {

    private static final String USER = "fuzz-manager";
    /** The kiosk's own routes are KIOSK only: fuzzed as the centre's kiosk. */
    private static final String KIOSK_USER = "fuzz-kiosk";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    /** Variants of each kind sent per endpoint. */
    private static final int SAMPLES = 1;
    /** Stands for half a surrogate pair, sent as the JSON escape {@code \ud800} (Java would encode it as '?'). */
    private static final String LONE_SURROGATE = "@lone-surrogate@";

    private JsonNode schemas;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final List<String> sent = new ArrayList<>();

    @Test
    void everyMalformedCommandIsRefusedWith4xxProblemJsonAndStoresNothingAndTheViewsGoOn() throws Exception {
        Instant began = Instant.now();
        JsonNode api = http.get(null, "/v3/api-docs").json();
        schemas = api.path("components").path("schemas");
        desk();

        int endpoints = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : new String[] {"post", "put", "patch", "delete"}) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    fuzz(method.toUpperCase(), path.getKey(), operation);
                    endpoints++;
                }
            }
        }
        assertThat(endpoints).as("command endpoints in the OpenAPI document").isGreaterThan(40);
        assertThat(sent.size()).as("malformed requests sent").isGreaterThan(500);

        Duration fuzzing = Duration.between(began, Instant.now());
        System.out.printf("CommandFuzzIT: %d malformed requests to %d command endpoints in %d ms%n", sent.size(),
                endpoints, fuzzing.toMillis());
        viewsStillAdvance(); // no bound on the run time: speed is measured by benchmarks, not by timed tests
    }

    /** One endpoint: a well-shaped body from its schema, then malformed variants of it. */
    private void fuzz(String method, String template, JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode schema = content.path("application/json").path("schema");
        boolean hasBody = !schema.isMissingNode();
        String path = resolve(template, hasBody);
        byte[] oversized = ("{\"x\":\"" + "a".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        send(method, path, "application/json", oversized, "oversized body");
        if (template.contains("{")) {
            for (String bad : badIds().sampleStream().limit(3).toList()) {
                String badPath = PARAM.matcher(template).replaceAll(m -> Matcher.quoteReplacement(bad));
                send(method, badPath, "application/json", "{}".getBytes(StandardCharsets.UTF_8), "bad path id");
            }
        }
        if (!hasBody) {
            // a body nobody reads cannot be malformed; only its path and size can
            return;
        }
        JsonNode valid = example(schema, 0);
        for (String type : new String[] {"text/plain", "multipart/form-data"}) {
            send(method, path, type, valid.toString().getBytes(StandardCharsets.UTF_8), "content type " + type);
        }
        send(method, path, "application/json", "{\"unclosed\":".getBytes(StandardCharsets.UTF_8), "broken JSON");
        send(method, path, "application/json", (valid + " trailing").getBytes(StandardCharsets.UTF_8), "trailing");

        ObjectNode extra = ((ObjectNode) valid.deepCopy()).put("unexpected" + Arbitraries.strings().alpha()
                .ofLength(4).sample(), 1);
        body(method, path, extra, "extra field");
        for (String required : required(schema)) {
            ObjectNode missing = (ObjectNode) valid.deepCopy();
            missing.remove(required);
            body(method, path, missing, "missing " + required);
        }
        List<Leaf> leaves = new ArrayList<>();
        leaves(valid, schema, "", leaves);
        for (Leaf leaf : leaves) {
            for (Malformed wrong : mutations(leaf)) {
                Http.Response response = body(method, path, replaced(valid, leaf.path, wrong.value),
                        leaf.path + " = " + abbreviate(wrong.value));
                if (wrong.refusedAsRead) {
                    // refused as the body is read, before any other field is looked at: the problem names it
                    assertThat(response.json().path("errors").findValuesAsText("field")).as(sent.get(sent.size() - 1))
                            .contains(leaf.path);
                }
            }
        }
        ObjectNode deep = (ObjectNode) valid.deepCopy();
        deep.set(leaves.isEmpty() ? "deep" : leaves.get(0).path.split("[.\\[]")[0], nested(60));
        body(method, path, deep, "deep nesting");
    }

    /** A malformed value; {@code refusedAsRead} when the JSON reader itself refuses it (wrong type, NUL, …). */
    private record Malformed(JsonNode value, boolean refusedAsRead) {
    }

    /** Malformed values for one leaf, according to its schema. */
    private List<Malformed> mutations(Leaf leaf) {
        List<Malformed> malformed = new ArrayList<>();
        List<JsonNode> values = new ArrayList<>();
        List<JsonNode> semantic = new ArrayList<>();
        JsonNode schema = leaf.schema;
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        // wrong type, whatever the leaf is
        values.add(type.equals("string") ? NODES.numberNode(Arbitraries.integers().between(0, 99).sample())
                : NODES.textNode(Arbitraries.strings().alpha().ofLength(3).sample()));
        values.add(NODES.arrayNode().add(1));
        switch (type) {
            case "integer" -> {
                // fractions (money changed on the way in), and out of range
                Arbitraries.integers().between(1, 999).sampleStream().limit(SAMPLES)
                        .forEach(n -> values.add(NODES.numberNode(new java.math.BigDecimal(
                                leaf.value.asText() + "." + n))));
                values.add(NODES.numberNode(new java.math.BigDecimal("99999999999999999999")));
                if (schema.has("maximum")) {
                    semantic.add(NODES.numberNode(new java.math.BigDecimal(schema.get("maximum").asText())
                            .add(java.math.BigDecimal.ONE)));
                }
                if (schema.has("minimum")) {
                    semantic.add(NODES.numberNode(new java.math.BigDecimal(schema.get("minimum").asText())
                            .subtract(java.math.BigDecimal.ONE)));
                }
            }
            case "boolean" -> values.add(NODES.numberNode(1));
            case "string" -> {
                if (format.equals("date-time") || format.equals("date")) {
                    boolean instant = format.equals("date-time");
                    for (String absurd : instant ? new String[] {"0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                        "9999-12-31T23:59:59Z"} : new String[] {"0001-01-02", "9999-12-31"}) {
                        semantic.add(NODES.textNode(absurd));
                    }
                    values.add(NODES.textNode("yesterday"));
                    values.add(NODES.textNode(instant ? "2026-13-45T25:61:00Z" : "2026-13-45"));
                } else if (schema.has("enum")) {
                    values.add(NODES.textNode(Arbitraries.strings().alpha().ofLength(8).sample().toUpperCase()));
                    values.add(NODES.textNode(schema.get("enum").get(0).asText().toLowerCase()));
                } else {
                    int max = schema.path("maxLength").asInt(10_000);
                    semantic.add(NODES.textNode("a".repeat(max + 1)));
                    Arbitraries.strings().withCharRange('\u0000', '\u0008').ofMinLength(1).ofMaxLength(3)
                            .sampleStream().limit(SAMPLES)
                            .forEach(control -> values.add(NODES.textNode("a" + control + "b")));
                    values.add(NODES.textNode("a\u0000b"));
                    values.add(NODES.textNode("half " + LONE_SURROGATE + " pair"));
                }
            }
            default -> {
                // objects and arrays as a whole: wrong shape
                values.add(NODES.textNode(""));
            }
        }
        values.forEach(v -> malformed.add(new Malformed(v, true)));
        semantic.forEach(v -> malformed.add(new Malformed(v, false)));
        return malformed;
    }

    private static Arbitrary<String> badIds() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40),
                Arbitraries.just(UUID.randomUUID().toString()),
                Arbitraries.just("%00"), Arbitraries.just("%3B"), Arbitraries.just("..%2F"),
                Arbitraries.just("a".repeat(3000)), Arbitraries.just("%E2%80%AE"), Arbitraries.just("-1"),
                Arbitraries.just("99999999999999999999"), Arbitraries.just("%20"));
    }

    // ---------------------------------------------------------------- sending and judging

    private Http.Response body(String method, String path, JsonNode body, String what) {
        return send(method, path, "application/json", body.toString().replace(LONE_SURROGATE, "\\ud800")
                .getBytes(StandardCharsets.UTF_8), what);
    }

    private Http.Response send(String method, String path, String contentType, byte[] body, String what) {
        long head = head();
        Http.Response response = http.send(path.startsWith("/api/kiosk/") ? KIOSK_USER : USER, method, path,
                Map.of("Content-Type", contentType),
                HttpRequest.BodyPublishers.ofByteArray(body));
        String request = method + " " + abbreviate(path) + " (" + what + "): " + abbreviate(response.text());
        sent.add(request);
        assertThat(response.status()).as(request).isBetween(400, 499);
        assertThat(response.header("Content-Type")).as(request).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("code").asText()).as(request).isNotBlank();
        assertThat(response.text()).as(request).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("java.").doesNotContain("org.springframework").doesNotContain("com.deskledger")
                .doesNotContain("com.fasterxml").doesNotContain("org.axonframework");
        // nothing the fuzzing user sent was stored; events after the head may only be deadlines' (user system)
        List<String> newUsers = jdbc.queryForList("select coalesce(convert_from(metadata, 'UTF8')::jsonb->>'user',"
                + " '') from domainevententry where globalindex > ?", String.class, head);
        assertThat(newUsers).as("events stored after " + request).doesNotContain(USER);
        return response;
    }

    private long head() {
        return jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
    }

    /** After the fuzzing, a valid command of each aggregate shows up in every view. */
    private void viewsStillAdvance() throws Exception {
        long position = 0;
        String centre = "fuzz";
        position = Math.max(position, post("/api/visits", "{\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}"));
        position = Math.max(position, post("/api/complaints", """
                {"channel":"PHONE","category":"SERVICE","severity":"GENERAL","description":"after the fuzz",
                 "customer":{"name":"Fu Zz","phone":"13700009999"}}"""));
        position = Math.max(position, post("/api/members/" + ids.get("member") + "/sales", """
                {"lines":[{"productCode":"toy","category":"TOY","quantity":1,"unitPrice":{"minor":1000}}],
                 "paymentMethod":"CASH"}"""));
        position = Math.max(position, post("/api/members/" + ids.get("member") + "/check-ins",
                "{\"classCode\":\"after\",\"scheduledStart\":\"" + Instant.now().minus(Duration.ofMinutes(5))
                        + "\",\"room\":\"r1\"}"));
        position = Math.max(position, post("/api/shifts/" + ids.get("shift") + "/clock-in", "{}"));
        for (String view : new String[] {"/api/views/reception?centre=" + centre,
            "/api/views/complaints?centre=" + centre, "/api/views/sales?centre=" + centre,
            "/api/views/members?centre=" + centre, "/api/views/attendance?centre=" + centre,
            "/api/views/roster?centre=" + centre}) {
            Http.Response answer = http.get(USER, view + "&position=" + position);
            assertThat(answer.status()).as(view + " " + answer.text()).isEqualTo(200);
            assertThat(answer.header("X-DeskLedger-Consistent")).as(view).isEqualTo("true");
        }
        long target = position;
        long deadline = System.currentTimeMillis() + 10_000;
        List<String> behind;
        do {
            behind = new ArrayList<>();
            for (JsonNode processor : http.get("admin", "/api/admin/projections").json()) {
                if (processor.path("error").asBoolean()) {
                    behind.add(processor.get("name").asText() + " in error");
                } else if ("streaming".equals(processor.path("kind").asText())
                        && processor.path("position").asLong(-1) < target) {
                    behind.add(processor.get("name").asText() + " at " + processor.path("position").asText());
                }
            }
            if (!behind.isEmpty()) {
                Thread.sleep(100);
            }
        } while (!behind.isEmpty() && System.currentTimeMillis() < deadline);
        assertThat(behind).as("processors behind the valid commands after the fuzz").isEmpty();
    }

    private long post(String path, String json) {
        Http.Response response = http.post(USER, path, json);
        assertThat(response.status()).as(path + " " + response.text()).isBetween(200, 201);
        return response.json().get("position").asLong();
    }

    // ---------------------------------------------------------------- the desk the requests name

    /** One aggregate of each kind at the fuzz centre, so malformed bodies reach endpoints with real ids. */
    private void desk() {
        ids.put("visit", id(http.post(USER, "/api/visits", "{\"channel\":\"CALL_IN\",\"purpose\":\"OTHER\","
                + "\"rings\":1}")));
        ids.put("complaint", id(http.post(USER, "/api/complaints", """
                {"channel":"PHONE","category":"SERVICE","severity":"GENERAL","description":"fuzz",
                 "customer":{"name":"Fu Zz","phone":"13700009998"}}""")));
        ids.put("member", id(http.post(USER, "/api/members", "{\"kind\":\"ADULT\",\"name\":\"Fuzz "
                + UUID.randomUUID() + "\",\"phone\":\"13600009997\"}")));
        Http.Response bought = http.post(USER, "/api/members/" + ids.get("member") + "/packages",
                "{\"plan\":\"10 classes\",\"kind\":\"CREDIT_PACK\",\"credits\":10,\"price\":{\"minor\":100000},"
                        + "\"paymentMethod\":\"CASH\"}");
        assertThat(bought.status()).as(bought.text()).isEqualTo(201);
        ids.put("purchase", bought.json().get("purchaseId").asText());
        ids.put("shift", id(http.post(USER, "/api/shifts", "{\"staff\":\"fuzz-" + UUID.randomUUID()
                + "\",\"date\":\"" + LocalDate.now(ZoneOffset.UTC) + "\",\"post\":\"reception-duty\","
                + "\"start\":\"00:00\",\"end\":\"23:59\"}")));
    }

    private static String id(Http.Response response) {
        assertThat(response.status()).as(response.text()).isBetween(200, 201);
        return response.json().get("id").asText();
    }

    /** The path with real ids where a body will be fuzzed; other parameters get an unknown id. */
    private String resolve(String template, boolean hasBody) {
        if (!hasBody) {
            // an endpoint without a body is fuzzed only through its path and size
            return PARAM.matcher(template).replaceAll(UUID.randomUUID().toString());
        }
        Function<String, String> idOf = name -> {
            if (name.equals("id")) {
                for (String kind : new String[] {"visit", "complaint", "member", "shift"}) {
                    if (template.startsWith("/api/" + kind + "s/")) {
                        return ids.get(kind);
                    }
                }
            }
            return UUID.randomUUID().toString();
        };
        return PARAM.matcher(template).replaceAll(m -> Matcher.quoteReplacement(idOf.apply(m.group(1))));
    }

    // ---------------------------------------------------------------- bodies from the schema

    private record Leaf(String path, JsonNode value, JsonNode schema) {
    }

    private JsonNode deref(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            current = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return deref(current.get("allOf").get(0));
        }
        return current;
    }

    private List<String> required(JsonNode schema) {
        List<String> names = new ArrayList<>();
        deref(schema).path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    /** A well-shaped value for a schema: every property given, the first enum value, numbers in range. */
    private JsonNode example(JsonNode raw, int depth) {
        JsonNode schema = deref(raw);
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asText();
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(),
                            example(p.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(example(schema.path("items"), depth + 1));
            case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            default -> {
                if (schema.has("enum")) {
                    yield NODES.textNode(schema.get("enum").get(0).asText());
                }
                if (schema.path("example").isTextual()) {
                    yield schema.get("example");
                }
                if (format.equals("partial-time") || format.equals("time")) {
                    yield NODES.textNode("10:00");
                }
                String pattern = schema.path("pattern").asText();
                if (pattern.contains("0-9+")) {
                    yield NODES.textNode("13800000000");
                }
                if (pattern.equals("[A-Z]{3}")) {
                    yield NODES.textNode("CNY");
                }
                if (format.equals("email")) {
                    yield NODES.textNode("fuzz@example.cn");
                }
                yield switch (format) {
                    case "date-time" -> NODES.textNode(Instant.now().toString());
                    case "date" -> NODES.textNode(LocalDate.now(ZoneOffset.UTC).toString());
                    default -> NODES.textNode("x");
                };
            }
        };
    }

    private void leaves(JsonNode value, JsonNode raw, String path, List<Leaf> into) {
        JsonNode schema = deref(raw);
        if (value.isObject()) {
            value.fields().forEachRemaining(f -> leaves(f.getValue(), schema.path("properties").path(f.getKey()),
                    path.isEmpty() ? f.getKey() : path + "." + f.getKey(), into));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                leaves(value.get(i), schema.path("items"), path + "[" + i + "]", into);
            }
        } else {
            into.add(new Leaf(path, value, schema));
        }
    }

    private static JsonNode replaced(JsonNode valid, String path, JsonNode with) {
        JsonNode copy = valid.deepCopy();
        String[] steps = path.replace("[", ".[").split("\\.");
        JsonNode parent = copy;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = steps[i].startsWith("[") ? parent.get(Integer.parseInt(steps[i].substring(1,
                    steps[i].length() - 1))) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), with);
        } else {
            ((ObjectNode) parent).set(last, with);
        }
        return copy;
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }

    /** Short, and with control characters and surrogates written as escapes, so reports stay readable. */
    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        text = text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
        StringBuilder shown = new StringBuilder();
        text.chars().forEach(c -> shown.append(c < 0x20 || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return shown.toString();
    }
}
