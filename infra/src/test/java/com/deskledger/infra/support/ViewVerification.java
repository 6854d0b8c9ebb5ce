package com.deskledger.infra.support;

import com.deskledger.query.web.ProjectionPositions;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's own view verification of every streaming view, once each has caught up with the store. */
public final class ViewVerification {

    private ViewVerification() {
    }

    /**
     * Every streaming view equals its rebuild from the event store, row for row, and has handled as many events as
     * the store holds for it. {@code late}: positions of events that committed after events with higher positions;
     * a view past the head may still wait for one of them.
     */
    public static void everyViewIdentical(Http http, JdbcTemplate jdbc, ProjectionPositions positions,
                                          List<Long> late) {
        long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        List<String> views = new ArrayList<>();
        Http.Response list = http.get("admin", "/api/admin/projections");
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        for (JsonNode processor : list.json()) {
            if (processor.get("kind").asText().equals("streaming")) {
                views.add(processor.get("name").asText());
            }
        }
        assertThat(views).contains("audit-log", "reception", "sales", "members", "attendance", "complaints",
                "shifts", "stock");
        for (String view : views) {
            for (long position : late) {
                await(view + " to handle event " + position, () -> positions.await(view, position));
            }
            await(view + " to catch up", () -> positions.await(view, head));
            Http.Response verify = http.post("auditor", "/api/audit/views/" + view + "/verify", null);
            assertThat(verify.status()).as(verify.text()).isEqualTo(200);
            JsonNode verdict = verify.json();
            assertThat(verdict.get("identical").asBoolean()).as(view + ": " + verdict).isTrue();
            assertThat(verdict.get("events").get("equal").asBoolean()).as(view + ": " + verdict).isTrue();
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
