package com.deskledger.infra.member;

import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.infra.support.TestClock;
import com.deskledger.query.web.ProjectionPositions;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.deskledger.infra.member.MemberDesk.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales, attendance and member views are idempotent (an event delivered twice leaves the same rows) and a
 * replay from the first event (in larger batches of events than the live views took them in) rebuilds exactly
 * the live views, row by row, as does the verifier's rebuild of the sales view.
 */
class MemberViewsReplayIT extends IntegrationTest {

    private static final String CENTRE = "mem-flow";
    private static final Map<String, String> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("sales", "sales_entry:entry_id,sales_member:member_id,sales_visit:visit_id,"
                + "sales_credit_pack:purchase_id,sales_refund_request:refund_id");
        VIEWS.put("attendance", "attendance_member:member_id,attendance_mark:member_id;session_key");
        VIEWS.put("members", "member_profile:member_id,member_package:purchase_id,member_package_refund:refund_id,"
                + "member_timeline:entry_id,member_timeline_visit:visit_id");
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionPositions positions;

    @AfterEach
    void unpin() {
        TestClock.unpin();
    }

    @Test
    void eventsDeliveredTwiceChangeNothingAndAReplayRebuildsTheLiveViews() {
        String member = script();
        awaitAll();
        Map<String, List<Map<String, Object>>> live = rows();
        assertThat(live.get("attendance_mark")).isNotEmpty();
        assertThat(live.get("sales_refund_request")).isNotEmpty();

        // every event of the member delivered a second time (as another stream, so the store takes it)
        String duplicate = "duplicate-" + UUID.randomUUID();
        var stream = eventStore.readEvents(member, 1);
        List<DomainEventMessage<?>> again = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            again.add(new GenericDomainEventMessage<>("MemberAccount", duplicate, event.getSequenceNumber(),
                    event.getPayload(), event.getMetaData()));
        }
        assertThat(again).hasSizeGreaterThan(8);
        eventStore.publish(again);
        awaitAll();
        assertThat(rows()).isEqualTo(live);

        for (String group : VIEWS.keySet()) {
            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        awaitAll();
        assertThat(rows()).isEqualTo(live);

        // the verifier's rebuild feeds the sales handlers outside a processor's batch: the same rows again
        JsonNode verdict = http.post("mem-audit", "/api/audit/views/sales/verify", null).json();
        assertThat(verdict.get("identical").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("eventsReplayed").asLong()).isPositive();
    }

    /** A member with a bit of everything: sales, refunds decided both ways, classes, a freeze. */
    private String script() {
        MemberDesk desk = new MemberDesk(http, "mem-desk");
        MemberDesk manager = desk.as("mem-manager");
        TestClock.pin(Instant.parse("2026-08-03T01:00:00Z"));
        String visit = desk.visit(CENTRE, Instant.parse("2026-08-03T00:50:00Z"));
        String member = desk.enrolChild(CENTRE, "Replay Child", "Replay Parent", "13300000001", visit);
        String pack = desk.buyPack(member, 10, 150_000, "CARD");
        String membership = desk.buyMembership(member, "August", "2026-08-01", 31, 90_000);
        desk.checkIn(member, "drama-d", Instant.parse("2026-08-03T02:00:00Z"));
        desk.leave(member, "drama-d", Instant.parse("2026-08-03T10:00:00Z"));
        String sale = desk.sell(member, "TOY-BALL", "TOY", 3, 2_500, "CASH");
        desk.ok("/api/members/" + member + "/freeze", "{}");
        TestClock.pin(Instant.parse("2026-08-05T01:00:00Z"));
        desk.ok("/api/members/" + member + "/unfreeze", null);
        desk.noShow(member, "drama-d", Instant.parse("2026-08-04T02:00:00Z"));
        desk.created("/api/members/" + member + "/refunds", json("purchaseId", sale, "lines",
                List.of(Map.of("line", 1, "quantity", 2))));
        desk.ok("/api/members/" + member + "/contact", json("email", "replay@example.com"));
        TestClock.pin(Instant.parse("2026-08-20T01:00:00Z"));
        JsonNode late = desk.refundAmount(member, pack, 10_000, "changed plans");
        manager.ok("/api/members/" + member + "/refunds/" + late.get("refundId").asText() + "/approval", null);
        JsonNode rejected = desk.refundAmount(member, membership, 5_000, "asked again");
        manager.ok("/api/members/" + member + "/refunds/" + rejected.get("refundId").asText() + "/rejection",
                json("reason", "the month was used"));
        return member;
    }

    private Map<String, List<Map<String, Object>>> rows() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        VIEWS.values().forEach(tables -> {
            for (String table : tables.split(",")) {
                String[] parts = table.split(":");
                rows.put(parts[0], jdbc.queryForList("select * from " + parts[0] + " order by "
                        + parts[1].replace(';', ',')));
            }
        });
        return rows;
    }

    private void awaitAll() {
        long head = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String group : VIEWS.keySet()) {
            while (!positions.await(group, head)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(group + " did not reach " + head);
                }
            }
        }
    }
}
