package com.deskledger.infra.complaint;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What the complaint integration tests share: filing through HTTP, waiting for outcomes, reading deadlines. */
abstract class ComplaintTestSupport extends IntegrationTest {

    /** Long enough for any outcome on a slow, shared machine; tests wait for outcomes, never for speed. */
    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final ObjectMapper JSON = new ObjectMapper();

    /** Files a complaint and answers its id. */
    String file(String user, String centre, String severity) {
        return file(http, user, centre, severity, null);
    }

    static String file(Http http, String user, String centre, String severity, String receivedAt) {
        Http.Response filed = http.post(user, "/api/complaints", "{\"centre\":\"" + centre + "\","
                + "\"channel\":\"PHONE\",\"category\":\"COURSE_PRODUCT\",\"severity\":\"" + severity + "\","
                + "\"description\":\"the teacher missed two classes\","
                + "\"customer\":{\"name\":\"Wang Fang\",\"phone\":\"13812345678\"}"
                + (receivedAt == null ? "" : ",\"receivedAt\":\"" + receivedAt + "\"") + "}");
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    /** Waits for a condition that must come true by itself (a deadline firing, a view catching up). */
    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    /** Waits until {@code value} gives something {@code done} accepts, and answers it. */
    static <T> T awaitValue(String what, Supplier<T> value, Predicate<T> done) {
        List<T> last = new ArrayList<>(1);
        await(what, () -> {
            last.clear();
            last.add(value.get());
            return done.test(last.get(0));
        });
        return last.get(0);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The complaint's detail view as it is now. */
    JsonNode detail(String user, String id) {
        Http.Response response = http.get(user, "/api/views/complaints/" + id);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** The event types stored for an aggregate, in order. */
    static List<String> eventTypes(JdbcTemplate jdbc, String aggregateId) {
        return jdbc.queryForList("""
                select payloadtype from domainevententry where aggregateidentifier = ? order by sequencenumber""",
                String.class, aggregateId).stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    /** A pending deadline as db-scheduler stores it: Axon's deadline name and when it is due. */
    record StoredDeadline(String name, Instant due) {
    }

    /** The pending deadlines of one complaint, read from db-scheduler's table in PostgreSQL. */
    static List<StoredDeadline> deadlinesOf(JdbcTemplate jdbc, String complaintId) {
        List<StoredDeadline> found = new ArrayList<>();
        jdbc.query("select task_data, execution_time from scheduled_tasks where task_name = 'AxonDeadline'", rs -> {
            JsonNode data = read(rs.getBytes("task_data"));
            String scope = new String(Base64.getDecoder().decode(data.get("s").asText()), StandardCharsets.UTF_8);
            if (scope.contains(complaintId)) {
                found.add(new StoredDeadline(data.get("d").asText(), rs.getTimestamp("execution_time").toInstant()));
            }
        });
        return found;
    }

    static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
