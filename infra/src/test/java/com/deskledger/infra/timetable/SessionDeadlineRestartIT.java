package com.deskledger.infra.timetable;

import com.deskledger.infra.DeskLedgerApplication;
import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's no-show deadline outlives the application: it is a row in PostgreSQL, and one that fell due while no
 * application ran fires when one starts again. Two application contexts, one after the other, on a database of their
 * own: the first books a member into a session ending a few seconds later without running deadlines and is closed;
 * the class ends; the second starts and records the member as a no-show.
 */
class SessionDeadlineRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNoShowDeadlineThatFellDueWhileTheApplicationWasDownFiresWhenItComesBack() throws SQLException {
        TestDatabase.install();
        String database = "deskledger_it_" + Instant.now().getEpochSecond() + "_"
                + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        try (Connection admin = TestDatabase.connect(); Statement sql = admin.createStatement()) {
            sql.execute("create database " + database);
        }
        String url = TestDatabase.url().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        try {
            String session;
            String member;
            Instant end;
            try (ConfigurableApplicationContext first = start(url, false)) {
                Http http = new Http(port(first));
                String room = ok(http.post("tt-super", "/api/timetable/rooms", "{\"name\":\"Restart room\","
                        + "\"kind\":\"CLASSROOM\",\"capacity\":5}")).get("id").asText();
                Instant start = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
                end = start.plusSeconds(2);
                session = ok(http.post("tt-super", "/api/timetable/sessions", "{\"kind\":\"CLASS\",\"title\":"
                        + "\"Restart\",\"room\":\"" + room + "\",\"start\":\"" + start + "\",\"end\":\"" + end
                        + "\",\"places\":5,\"credits\":1}")).get("id").asText();
                member = ok(http.post("tt-desk", "/api/members", "{\"kind\":\"ADULT\",\"name\":\"Restart "
                        + UUID.randomUUID().toString().substring(0, 8) + "\",\"phone\":\"13900001111\"}"))
                        .get("id").asText();
                ok(http.post("tt-desk", "/api/members/" + member + "/packages", "{\"plan\":\"classes\",\"kind\":"
                        + "\"CREDIT_PACK\",\"credits\":3,\"price\":{\"minor\":30000},\"paymentMethod\":\"CASH\"}"));
                ok(http.post("tt-desk", "/api/timetable/sessions/" + session + "/bookings", "{\"memberId\":\""
                        + member + "\"}"));
                assertThat(deadlinesOf(first.getBean(JdbcTemplate.class), session)).containsExactly(end);
            }
            Instant due = end;
            await("the class to end while the application is down", () -> Instant.now().isAfter(due.plusSeconds(1)));

            try (ConfigurableApplicationContext second = start(url, true)) {
                JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
                String absent = member;
                await("the overdue no-show deadline to fire after the restart",
                        () -> types(jdbc, absent).contains("NoShowRecordedEvent"));
                assertThat(types(jdbc, session)).containsExactly("SessionScheduledEvent", "SessionBookedEvent",
                        "SessionNoShowRecordedEvent");
                assertThat(deadlinesOf(jdbc, session)).isEmpty();
            }
        } finally {
            try (Connection admin = TestDatabase.connect(); Statement sql = admin.createStatement()) {
                sql.execute("drop database if exists " + database);
            } catch (SQLException stillInUse) {
                // left for the stale-database clean-up of a later run
            }
        }
    }

    private static List<Instant> deadlinesOf(JdbcTemplate jdbc, String session) {
        List<Instant> found = new ArrayList<>();
        jdbc.query("select task_data, execution_time from scheduled_tasks where task_name = 'AxonDeadline'", rs -> {
            try {
                JsonNode data = JSON.readTree(rs.getBytes("task_data"));
                String scope = new String(Base64.getDecoder().decode(data.get("s").asText()), StandardCharsets.UTF_8);
                if (scope.contains(session)) {
                    found.add(rs.getTimestamp("execution_time").toInstant());
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        return found;
    }

    private static List<String> types(JdbcTemplate jdbc, String aggregate) {
        return jdbc.queryForList("select payloadtype from domainevententry where aggregateidentifier = ? "
                + "order by sequencenumber", String.class, aggregate).stream()
                .map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
    }

    private static ConfigurableApplicationContext start(String url, boolean executeDeadlines) {
        return new SpringApplicationBuilder(DeskLedgerApplication.class)
                .profiles("it")
                .run("--server.port=0", "--spring.datasource.url=" + url,
                        "--deskledger.deadlines.execute=" + executeDeadlines);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.text()).isBetween(200, 299);
        return response.json();
    }
}
