package com.deskledger.infra.shift;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ChecklistItem;
import com.deskledger.kernel.shift.PostCode;
import com.deskledger.kernel.shift.ShiftId;
import com.deskledger.kernel.shift.command.ScheduleShiftCommand;
import com.deskledger.kernel.shift.event.ChecklistItemTickedEvent;
import com.deskledger.kernel.shift.event.ShiftClockedInEvent;
import com.deskledger.kernel.shift.event.ShiftScheduledEvent;
import com.deskledger.query.web.ProjectionPositions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.deskledger.infra.shift.ShiftWeekIT.instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The shift projection is idempotent and a replay rebuilds exactly the live views; the overlap lookup refuses a
 * racing command inside its transaction, before anything is appended.
 */
class ShiftProjectionIT extends IntegrationTest {

    private static final String SUPER = "shift-super";
    private static final List<String> TABLES = List.of(
            "select * from shift_roster order by shift_id",
            "select * from shift_checklist order by shift_id, item",
            "select * from shift_correction order by shift_id, sequence",
            "select * from shift_note order by shift_id, sequence",
            "select * from shift_head_count order by head_count_id");

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionPositions positions;
    @Autowired
    CommandGateway commands;

    @Test
    void applyingTheSameEventsTwiceLeavesTheSameRows() {
        ShiftId shift = ShiftId.random();
        Instant start = Instant.parse("2026-09-01T01:00:00Z");
        List<Object> events = List.of(
                new ShiftScheduledEvent(shift, CentreId.of("shiftlab"), StaffId.of("proj-twice"),
                        LocalDate.parse("2026-09-01"), PostCode.of("weekday-early"), "Early",
                        List.of(new ChecklistItem("walk-round", "Walk-round", false)), start,
                        start.plusSeconds(9 * 3600), StaffId.of(SUPER), start.minusSeconds(86400)),
                new ShiftClockedInEvent(shift, StaffId.of("proj-twice"), start.plusSeconds(300), 5,
                        StaffId.of(SUPER), start.plusSeconds(300)),
                new ChecklistItemTickedEvent(shift, "walk-round", StaffId.of("proj-twice"), start.plusSeconds(600)));
        // as the shift's own events (the view's segments follow the aggregate, so they arrive in order)
        long sequence = 0;
        for (Object event : events) {
            eventStore.publish(new GenericDomainEventMessage<>("Shift", shift.value(), sequence++, event));
        }
        awaitProjection();
        Map<String, Object> roster = jdbc.queryForMap("select * from shift_roster where shift_id = ?", shift.value());
        Map<String, Object> item = jdbc.queryForMap("select * from shift_checklist where shift_id = ?",
                shift.value());

        for (Object event : events) { // the same payloads again, as later events of the same shift
            eventStore.publish(new GenericDomainEventMessage<>("Shift", shift.value(), sequence++, event));
        }
        awaitProjection();
        assertThat(jdbc.queryForMap("select * from shift_roster where shift_id = ?", shift.value())).isEqualTo(roster);
        assertThat(jdbc.queryForMap("select * from shift_checklist where shift_id = ?", shift.value()))
                .isEqualTo(item);
        assertThat(roster.get("minutes_late")).isEqualTo(5);
        assertThat(item.get("ticked_by")).isEqualTo("proj-twice");
    }

    @Test
    void anOverlappingShiftThatRacedPastTheControllersCheckIsRefusedBeforeAnythingIsAppended() {
        Http.Response first = http.post(SUPER, "/api/shifts",
                "{\"staff\":\"proj-racer\",\"date\":\"2030-03-05\",\"post\":\"weekday-early\"}");
        assertThat(first.status()).isEqualTo(201);
        ShiftId racer = ShiftId.random();
        Instant start = Instant.parse("2030-03-05T02:00:00Z"); // 10:00 in Shanghai: inside the first shift
        long sequenceBefore = globalIndexSequence();

        // straight onto the command bus, as a request that passed the controller's check a moment too early
        Throwable refused = catchThrowable(() -> commands.sendAndWait(new ScheduleShiftCommand(racer,
                CentreId.of("shiftlab"), StaffId.of("proj-racer"), LocalDate.parse("2030-03-05"),
                PostCode.of("weekday-early"), "Early", List.of(), start, start.plusSeconds(3600), StaffId.of(SUPER),
                Instant.now())));

        assertThat(domainCause(refused).code()).isEqualTo(ErrorCode.SHIFT_OVERLAPS);
        assertThat(eventCount(racer.value())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from shift_slot where shift_id = ?", Long.class,
                racer.value())).isZero();
        assertThat(globalIndexSequence()).as("no global index used up, so no gap for the views to wait on")
                .isEqualTo(sequenceBefore);
    }

    @Test
    void replayFromTheFirstEventReproducesTheLiveViews() {
        String shift = http.post(SUPER, "/api/shifts",
                "{\"staff\":\"shift-desk-c\",\"date\":\"2026-09-08\",\"post\":\"weekday-late\"}")
                .json().get("id").asText();
        String cancelled = http.post(SUPER, "/api/shifts",
                "{\"staff\":\"proj-replay\",\"date\":\"2030-03-12\",\"post\":\"weekday-late\"}")
                .json().get("id").asText();
        http.post(SUPER, "/api/shifts/" + cancelled + "/cancellation", "{\"reason\":\"closed\"}");
        http.post(SUPER, "/api/shifts/" + shift + "/clock-in", "{\"at\":\"" + instant("2026-09-08", "12:50") + "\"}");
        http.post("shift-desk-c", "/api/shifts/" + shift + "/checklist/water-off", null);
        http.post("shift-desk-c", "/api/shifts/" + shift + "/head-counts", "{\"classId\":\"art-1\",\"className\":"
                + "\"Art 1\",\"scheduledStart\":\"" + instant("2026-09-08", "18:00") + "\",\"room\":\"3\",\"count\":7}");
        http.post("shift-desk-c", "/api/shifts/" + shift + "/hand-over", "{\"note\":\"Art room needs paper\"}");
        http.post(SUPER, "/api/shifts/" + shift + "/corrections", "{\"punch\":\"IN\",\"time\":\""
                + instant("2026-09-08", "12:35") + "\",\"reason\":\"sheet\"}");
        http.post(SUPER, "/api/shifts/" + shift + "/corrections", "{\"punch\":\"IN\",\"time\":\""
                + instant("2026-09-08", "12:33") + "\",\"reason\":\"sheet, again\"}");
        awaitProjection();
        List<List<Map<String, Object>>> live = TABLES.stream().map(jdbc::queryForList).toList();
        Map<String, Object> row = jdbc.queryForMap("select * from shift_roster where shift_id = ?", shift);
        assertThat(row.get("minutes_late")).isEqualTo(3);
        assertThat(jdbc.queryForObject("select cancelled from shift_roster where shift_id = ?", Boolean.class,
                cancelled)).isTrue();

        StreamingEventProcessor processor = processing.eventProcessor("shifts", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitProjection();

        assertThat(TABLES.stream().map(jdbc::queryForList).toList()).isEqualTo(live);
    }

    private long globalIndexSequence() {
        return jdbc.queryForObject("select last_value from domainevententry_globalindex_seq", Long.class);
    }

    private static DomainException domainCause(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
        }
        throw new AssertionError("no DomainException in " + thrown, thrown);
    }

    /** Waits until the shifts processor has committed the newest event in the store. */
    private void awaitProjection() {
        long head = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!positions.await("shifts", head)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("shifts projection did not reach " + head);
            }
        }
    }
}
