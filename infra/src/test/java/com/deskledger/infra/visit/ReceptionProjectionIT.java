package com.deskledger.infra.visit;

import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.visit.Channel;
import com.deskledger.kernel.visit.Purpose;
import com.deskledger.kernel.visit.VisitId;
import com.deskledger.kernel.visit.event.VisitStartedEvent;
import com.deskledger.query.web.ProjectionPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reception projection is idempotent and a replay from the first event rebuilds exactly the live view. */
class ReceptionProjectionIT extends IntegrationTest {

    private static final String VIEW_ROWS = "select * from reception_visit order by visit_id";
    private static final String MESSAGE_ROWS = "select * from reception_message order by message_id";

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionPositions positions;

    @Test
    void applyingTheSameEventTwiceLeavesTheSameRow() {
        VisitStartedEvent started = new VisitStartedEvent(VisitId.random(), CentreId.of("utc"), Channel.CALL_IN,
                Purpose.BOOKING, StaffId.of("flow-desk"), 4, Instant.parse("2026-05-05T05:05:05Z"));
        eventStore.publish(GenericEventMessage.asEventMessage(started));
        awaitProjection();
        Map<String, Object> once = row(started.visitId());

        eventStore.publish(GenericEventMessage.asEventMessage(started));
        awaitProjection();
        assertThat(row(started.visitId())).isEqualTo(once);
        assertThat(once.get("rings")).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from reception_visit where visit_id = ?", Long.class,
                started.visitId().value())).isEqualTo(1);
    }

    @Test
    void replayFromTheFirstEventReproducesTheLiveView() {
        String id = http.post("flow-desk", "/api/visits",
                "{\"centre\":\"flow\",\"channel\":\"CALL_IN\",\"purpose\":\"OTHER\",\"rings\":1}")
                .json().get("id").asText();
        http.post("flow-desk", "/api/visits/" + id + "/consultant", "{\"consultant\":\"wang\"}");
        String message = http.post("flow-desk", "/api/visits/" + id + "/messages",
                "{\"recipient\":\"Li\",\"content\":\"call\"}").json().get("messageId").asText();
        http.post("flow-desk", "/api/visits/" + id + "/messages/" + message + "/delivery", null);
        http.post("flow-desk", "/api/visits/" + id + "/feedback", "{\"score\":5,\"comment\":\"kind\"}");
        http.post("flow-desk", "/api/visits/" + id + "/end", "{\"outcome\":\"RESOLVED\"}");
        awaitProjection();
        List<Map<String, Object>> liveVisits = jdbc.queryForList(VIEW_ROWS);
        List<Map<String, Object>> liveMessages = jdbc.queryForList(MESSAGE_ROWS);
        assertThat(liveVisits).isNotEmpty();

        StreamingEventProcessor processor = processing
                .eventProcessor("reception", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitProjection();

        assertThat(jdbc.queryForList(VIEW_ROWS)).isEqualTo(liveVisits);
        assertThat(jdbc.queryForList(MESSAGE_ROWS)).isEqualTo(liveMessages);
    }

    private Map<String, Object> row(VisitId id) {
        return jdbc.queryForMap("select * from reception_visit where visit_id = ?", id.value());
    }

    /** Waits until the reception processor has committed the newest event in the store. */
    private void awaitProjection() {
        long head = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!positions.await("reception", head)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("reception projection did not reach " + head);
            }
        }
    }
}
