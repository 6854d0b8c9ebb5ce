package com.deskledger.infra.audit;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.query.web.ProjectionPositions;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Audit and replay: search, export, state as of an instant, replays, verified views and tamper evidence. */
class AuditIT extends IntegrationTest {

    @Autowired
    ProjectionPositions positions;

    @Test
    void searchFindsEventsByActorTypeAggregateAndCorrelationNewestFirstWithinTheAskersCentres() {
        String visit = http.post("flow-desk", "/api/visits", "{\"centre\":\"flow\",\"channel\":\"WALK_IN\","
                + "\"purpose\":\"OTHER\"}", Map.of("X-Correlation-Id", "audit-search-1")).json().get("id").asText();
        long position = http.post("flow-desk", "/api/visits/" + visit + "/end", "{\"outcome\":\"RESOLVED\"}",
                Map.of("X-Correlation-Id", "audit-search-2")).json().get("position").asLong();
        await("audit-log", position);

        JsonNode byAggregate = http.get("flow-audit", "/api/audit/events?aggregate=" + visit).json();
        assertThat(byAggregate.get("items")).hasSize(2);
        assertThat(byAggregate.get("items").get(0).get("type").asText()).isEqualTo("VisitEndedEvent");
        assertThat(byAggregate.get("items").get(1).get("type").asText()).isEqualTo("VisitStartedEvent");
        assertThat(byAggregate.get("items").get(1).get("actor").asText()).isEqualTo("flow-desk");
        assertThat(byAggregate.get("items").get(1).get("centre").asText()).isEqualTo("flow");

        JsonNode byCorrelation = http.get("flow-audit", "/api/audit/events?correlationId=audit-search-2").json();
        assertThat(byCorrelation.get("items")).hasSize(1);
        assertThat(byCorrelation.get("items").get(0).get("aggregateId").asText()).isEqualTo(visit);

        JsonNode paged = http.get("flow-audit", "/api/audit/events?actor=flow-desk&type=VisitStartedEvent&size=1")
                .json();
        assertThat(paged.get("items")).hasSize(1);
        long next = paged.get("next").asLong();
        JsonNode second = http.get("flow-audit", "/api/audit/events?actor=flow-desk&type=VisitStartedEvent&size=1"
                + "&before=" + next).json();
        assertThat(second.get("items").get(0).get("globalIndex").asLong()).isLessThan(next);

        // auditor of centre main does not see centre flow's events, and may not ask for them
        assertThat(http.get("auditor", "/api/audit/events?aggregate=" + visit).json().get("items")).isEmpty();
        assertThat(http.get("auditor", "/api/audit/events?centre=flow").status()).isEqualTo(403);
        assertThat(http.get("flow-desk", "/api/audit/events").status()).isEqualTo(403);
    }

    @Test
    void exportStreamsTheSelectionAsNdjsonAndCsv() {
        String visit = http.post("flow-desk", "/api/visits", "{\"centre\":\"flow\",\"channel\":\"WALK_IN\","
                + "\"purpose\":\"BOOKING\"}").json().get("id").asText();
        long position = http.post("flow-desk", "/api/visits/" + visit + "/end", "{\"outcome\":\"NO_INTEREST\"}")
                .json().get("position").asLong();
        await("audit-log", position);

        Http.Response ndjson = http.get("flow-audit", "/api/audit/events/export?aggregate=" + visit);
        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(ndjson.header("Content-Type")).startsWith("application/x-ndjson");
        String[] lines = ndjson.text().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"type\":\"VisitEndedEvent\"").contains("\"aggregateId\":\"" + visit + "\"");

        Http.Response csv = http.get("flow-audit", "/api/audit/events/export?format=csv&aggregate=" + visit);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] rows = csv.text().split("\r\n");
        assertThat(rows[0]).startsWith("\uFEFFglobalIndex,occurredAt,type");
        assertThat(rows).hasSize(3);
        assertThat(rows[2]).contains("VisitStartedEvent").contains(visit).contains("flow-desk");
        assertThat(http.get("flow-audit", "/api/audit/events/export?format=xml").status()).isEqualTo(400);
    }

    @Test
    void stateAsOfAnInstantReflectsOnlyTheEventsUpToThen() throws Exception {
        String visit = http.post("flow-desk", "/api/visits", "{\"centre\":\"flow\",\"channel\":\"CALL_IN\","
                + "\"purpose\":\"OTHER\",\"rings\":2}").json().get("id").asText();
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        http.post("flow-desk", "/api/visits/" + visit + "/transfer", "{\"to\":\"colleague-zhou\"}");
        http.post("flow-desk", "/api/visits/" + visit + "/end", "{\"outcome\":\"RESOLVED\"}");

        JsonNode then = http.get("flow-audit", "/api/audit/visits/" + visit + "/state?at=" + between).json();
        assertThat(then.get("sequence").asLong()).isZero();
        assertThat(then.get("state").get("handler").asText()).isEqualTo("flow-desk");
        assertThat(then.get("state").get("ended").asBoolean()).isFalse();

        JsonNode now = http.get("flow-audit", "/api/audit/visits/" + visit + "/state?at=" + Instant.now()).json();
        assertThat(now.get("sequence").asLong()).isEqualTo(2);
        assertThat(now.get("state").get("handler").asText()).isEqualTo("colleague-zhou");
        assertThat(now.get("state").get("ended").asBoolean()).isTrue();

        Http.Response before = http.get("flow-audit", "/api/audit/visits/" + visit + "/state?at=2020-01-01T00:00:00Z");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.json().get("code").asText()).isEqualTo("NOT_YET_EXISTING");
        assertThat(http.get("auditor", "/api/audit/visits/" + visit + "/state?at=" + Instant.now()).status())
                .isEqualTo(403);
    }

    @Test
    void adminSeesEveryProjectionWithLagAndReplaysOneWhileTheOthersServe() throws Exception {
        Http.Response list = http.get("admin", "/api/admin/projections");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("name")).contains("reception", "audit-log", "aggregate-directory");
        JsonNode reception = find(list.json(), "reception");
        assertThat(reception.get("kind").asText()).isEqualTo("streaming");
        assertThat(reception.get("lag").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(find(list.json(), "aggregate-directory").get("kind").asText()).isEqualTo("subscribing");

        assertThat(http.post("admin", "/api/admin/projections/aggregate-directory/replay", null).status())
                .isEqualTo(422);
        assertThat(http.post("admin", "/api/admin/projections/nope/replay", null).status()).isEqualTo(404);
        assertThat(http.post("auditor", "/api/admin/projections/reception/replay", null).status()).isEqualTo(403);

        long rows = jdbc.queryForObject("select count(*) from reception_visit", Long.class);
        Http.Response replay = http.post("admin", "/api/admin/projections/reception/replay", null);
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.header("Location")).isEqualTo("/api/admin/projections/reception");
        // the other views keep serving while it runs
        assertThat(http.get("reception", "/api/views/reception").status()).isEqualTo(200);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status = http.get("admin", "/api/admin/projections/reception").json();
        while (status.get("replaying").asBoolean() || !status.get("running").asBoolean()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
            status = http.get("admin", "/api/admin/projections/reception").json();
        }
        await("reception", jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class));
        assertThat(jdbc.queryForObject("select count(*) from reception_visit", Long.class)).isGreaterThanOrEqualTo(rows);
    }

    @Test
    void verificationRebuildsAViewAndFindsARowChangedBehindTheApplicationsBack() {
        // a rolled-back append leaves a hole in the global sequence; the live view goes on past it, so must the
        // rebuilt one (Axon's covers() would stop it at the hole while the hole is young)
        jdbc.queryForObject("select nextval(pg_get_serial_sequence('domainevententry', 'globalindex'))", Long.class);
        String visit = http.post("flow-desk", "/api/visits", "{\"centre\":\"flow\",\"channel\":\"CALL_IN\","
                + "\"purpose\":\"OTHER\",\"rings\":3}").json().get("id").asText();
        long position = http.post("flow-desk", "/api/visits/" + visit + "/feedback", "{\"score\":4}")
                .json().get("position").asLong();
        await("reception", position);

        JsonNode clean = http.post("flow-audit", "/api/audit/views/reception/verify", null).json();
        assertThat(clean.get("identical").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.get("eventsReplayed").asLong()).isPositive();

        jdbc.update("update reception_visit set rings = 1 where visit_id = ?", visit);
        try {
            JsonNode dirty = http.post("flow-audit", "/api/audit/views/reception/verify", null).json();
            assertThat(dirty.get("identical").asBoolean()).isFalse();
            JsonNode table = dirty.get("tables").get(0);
            assertThat(table.get("table").asText()).isEqualTo("reception_visit");
            assertThat(table.get("onlyLive").asLong()).isEqualTo(1);
            assertThat(table.get("onlyInLive").get(0).asText()).contains(visit).contains("\"rings\":1");
            assertThat(table.get("onlyInRebuilt").get(0).asText()).contains(visit).contains("\"rings\":3");
        } finally {
            jdbc.update("update reception_visit set rings = 3 where visit_id = ?", visit);
        }
        assertThat(http.post("flow-desk", "/api/audit/views/reception/verify", null).status()).isEqualTo(403);
    }

    @Test
    void storedEventsCannotBeChangedAndAChangeBySuperuserBreaksTheChain() throws Exception {
        String visit = http.post("flow-desk", "/api/visits", "{\"centre\":\"flow\",\"channel\":\"WALK_IN\","
                + "\"purpose\":\"OTHER\"}").json().get("id").asText();
        http.post("flow-desk", "/api/visits/" + visit + "/feedback", "{\"score\":5}");
        http.post("flow-desk", "/api/visits/" + visit + "/end", "{\"outcome\":\"RESOLVED\"}");

        // other tests write deliberately odd streams (redeliveries starting mid-stream), so the range checked here
        // is this test's own events
        long first = jdbc.queryForObject("select min(globalindex) from domainevententry where aggregateidentifier = ?",
                Long.class, visit);
        long last = jdbc.queryForObject("select max(globalindex) from domainevententry where aggregateidentifier = ?",
                Long.class, visit);
        String range = "/api/audit/verify?from=" + first + "&to=" + last;
        JsonNode intact = http.get("flow-audit", "/api/audit/verify?aggregate=" + visit).json();
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("eventsChecked").asLong()).isEqualTo(3);
        assertThat(http.get("flow-audit", range).json().get("intact").asBoolean()).isTrue();

        assertThatThrownBy(() -> jdbc.update("""
                update domainevententry set payload = payload where aggregateidentifier = ?""", visit))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("delete from domainevententry where aggregateidentifier = ?", visit))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("immutable");

        byte[] original = jdbc.queryForObject("""
                select payload from domainevententry where aggregateidentifier = ? and sequencenumber = 1""",
                byte[].class, visit);
        try (Connection superuser = com.deskledger.infra.support.TestDatabase.connect();
             Statement sql = superuser.createStatement()) {
            sql.execute("set session_replication_role = replica"); // a superuser bypassing the triggers
            sql.execute("update domainevententry set payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                    + " '\"score\":5', '\"score\":1'), 'UTF8') where aggregateidentifier = '" + visit
                    + "' and sequencenumber = 1");
            try {
                JsonNode broken = http.get("flow-audit", "/api/audit/verify?aggregate=" + visit).json();
                assertThat(broken.get("intact").asBoolean()).isFalse();
                assertThat(broken.get("firstBroken").get("sequence").asLong()).isEqualTo(1);
                assertThat(broken.get("firstBroken").get("aggregateId").asText()).isEqualTo(visit);
                JsonNode inRange = http.get("flow-audit", range).json();
                assertThat(inRange.get("intact").asBoolean()).isFalse();
                assertThat(inRange.get("firstBroken").get("aggregateId").asText()).isEqualTo(visit);
            } finally {
                try (var restore = superuser.prepareStatement("""
                        update domainevententry set payload = ? where aggregateidentifier = ? and sequencenumber = 1""")) {
                    restore.setBytes(1, original);
                    restore.setString(2, visit);
                    restore.executeUpdate();
                }
            }
        }
        assertThat(http.get("flow-audit", "/api/audit/verify?aggregate=" + visit).json().get("intact").asBoolean())
                .isTrue();
    }

    private void await(String view, long position) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!positions.await(view, position)) {
            assertThat(System.nanoTime()).as("view %s reaches %d", view, position).isLessThan(deadline);
        }
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (name.equals(item.get("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("no projection " + name);
    }
}
