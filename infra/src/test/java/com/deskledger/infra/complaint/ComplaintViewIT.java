package com.deskledger.infra.complaint;

import com.deskledger.infra.support.Http;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.MetaDataKeys;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.Compensation;
import com.deskledger.kernel.complaint.CompensationType;
import com.deskledger.kernel.complaint.ComplaintCategory;
import com.deskledger.kernel.complaint.ComplaintChannel;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.EscalationLevel;
import com.deskledger.kernel.complaint.SealedCustomer;
import com.deskledger.kernel.complaint.Severity;
import com.deskledger.kernel.complaint.SlaClock;
import com.deskledger.kernel.complaint.event.ComplaintAssignedEvent;
import com.deskledger.kernel.complaint.event.ComplaintClosedEvent;
import com.deskledger.kernel.complaint.event.ComplaintFiledEvent;
import com.deskledger.kernel.complaint.event.ComplaintReopenedEvent;
import com.deskledger.kernel.complaint.event.ComplaintTriagedEvent;
import com.deskledger.kernel.complaint.event.ComplaintWithdrawnEvent;
import com.deskledger.kernel.complaint.event.ResolutionProposedEvent;
import com.deskledger.kernel.complaint.event.SlaBreachedEvent;
import com.deskledger.kernel.complaint.event.SlaClockStartedEvent;
import com.deskledger.kernel.complaint.event.SlaClockStoppedEvent;
import com.deskledger.query.web.ProjectionPositions;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaints view on real PostgreSQL: the list's filters, sorting and paging (cs-view, through HTTP); exact KPIs
 * over events with known business times (cs-kpi, published through the event store); an idempotent projection and
 * a replay that rebuilds the same view.
 */
class ComplaintViewIT extends ComplaintTestSupport {

    private static final CentreId KPI_CENTRE = CentreId.of("cs-kpi");
    private static final CentreId REPLAY_CENTRE = CentreId.of("cs-replay");
    private static final Instant JUNE = Instant.parse("2026-06-01T08:00:00Z");
    private static final String VIEW_CASES = """
            select * from complaint_case where centre in ('cs-kpi', 'cs-replay') order by complaint_id""";
    private static final String VIEW_RESOLUTIONS = """
            select r.* from complaint_resolution r join complaint_case c using (complaint_id)
            where c.centre in ('cs-kpi', 'cs-replay') order by r.resolution_id""";
    private static final String VIEW_BREACHES = """
            select b.* from complaint_breach b join complaint_case c using (complaint_id)
            where c.centre in ('cs-kpi', 'cs-replay') order by b.complaint_id, b.clock, b.due_at""";
    private static final String VIEW_TIMELINE = """
            select t.* from complaint_timeline t join complaint_case c using (complaint_id)
            where c.centre in ('cs-kpi', 'cs-replay') order by t.event_id""";

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionPositions positions;

    @Test
    void listsWithFiltersSortingAndPaging() {
        Instant now = Instant.now();
        String older = file(http, "cs-desk", "cs-view", "GENERAL", now.minus(Duration.ofDays(2)).toString());
        String assigned = file(http, "cs-desk", "cs-view", "GENERAL", now.minus(Duration.ofHours(1)).toString());
        Http.Response major = http.post("cs-desk", "/api/complaints", """
                {"centre":"cs-view","channel":"EMAIL","category":"BILLING","severity":"MAJOR",
                 "description":"charged twice for the spring term","customer":{"memberId":"m-42"}}""");
        String billing = major.json().get("id").asText();
        assertThat(http.post("cs-super", "/api/complaints/" + assigned + "/assignment", "{\"handler\":\"cs-desk\"}")
                .status()).isEqualTo(200);
        assertThat(http.post("cs-desk", "/api/complaints/" + assigned + "/pause", "{\"reason\":\"receipt\"}")
                .status()).isEqualTo(200);
        assertThat(http.post("cs-desk", "/api/complaints/" + billing + "/triage",
                "{\"nature\":\"justified\",\"department\":\"finance\",\"severity\":\"MAJOR\"}").status())
                .isEqualTo(200);
        // the one filed two days ago has passed both its targets: its deadlines fire by themselves
        await("the old complaint to breach", () -> eventTypes(jdbc, older).contains("SlaBreachedEvent"));
        long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        assertThat(http.get("cs-desk", "/api/views/complaints?centre=cs-view&position=" + head)
                .header("X-DeskLedger-Consistent")).isEqualTo("true");

        assertThat(ids("status=WAITING_ON_CUSTOMER")).containsExactly(assigned);
        assertThat(ids("severity=MAJOR")).containsExactly(billing);
        assertThat(ids("category=BILLING")).containsExactly(billing);
        assertThat(ids("department=finance")).containsExactly(billing);
        assertThat(ids("handler=cs-desk")).containsExactly(assigned);
        assertThat(ids("handler=-")).containsExactlyInAnyOrder(older, billing);
        assertThat(ids("minAge=P1D")).containsExactly(older);
        assertThat(ids("maxAge=PT12H")).containsExactlyInAnyOrder(assigned, billing);
        assertThat(ids("minAge=PT30M&maxAge=PT12H")).containsExactly(assigned);
        assertThat(ids("sla=BREACHED")).containsExactly(older);
        assertThat(ids("sla=PAUSED")).containsExactly(assigned);
        assertThat(ids("sla=ON_TRACK")).containsExactly(billing);

        assertThat(ids("")).containsExactly(billing, assigned, older);
        assertThat(ids("sort=filedAt,asc")).containsExactly(older, assigned, billing);
        assertThat(ids("sort=age,desc")).containsExactly(older, assigned, billing);
        assertThat(ids("sort=severity,desc")).first().isEqualTo(billing);
        assertThat(ids("sort=level,asc")).first().isEqualTo(assigned);

        JsonNode page = get("sort=filedAt,asc&size=2&page=1");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items").findValuesAsText("complaintId")).containsExactly(billing);
        assertThat(get("size=2").get("items")).hasSize(2);

        JsonNode forAuditor = ok(http.get("cs-audit", "/api/views/complaints?centre=cs-view&handler=cs-desk")).json();
        assertThat(forAuditor.get("items").get(0).get("customerName").asText()).isEqualTo("W********");
        assertThat(forAuditor.get("items").get(0).get("customerPhone").asText()).isEqualTo("138******78");

        assertThat(http.get("cs-desk", "/api/views/complaints?centre=cs-view&sort=description").status())
                .isEqualTo(400);
        assertThat(http.get("cs-desk", "/api/views/complaints?centre=cs-view&status=LOST").status()).isEqualTo(400);
        assertThat(http.get("cs-desk", "/api/views/complaints?centre=cs-view&size=1000").status()).isEqualTo(400);
        assertThat(http.get("cs-desk", "/api/views/complaints").status()).as("several centres: name one")
                .isEqualTo(400);
        assertThat(http.get("reception", "/api/views/complaints?centre=cs-view").status()).isEqualTo(403);
        assertThat(http.get("cs-desk", "/api/views/complaints/" + ComplaintId.random()).status()).isEqualTo(404);
    }

    @Test
    void marksCasesNearlyDueWhenLessThanAQuarterOfTheirTargetIsLeft() {
        Instant now = Instant.now();
        // cs-due is open around the clock; a general complaint must be answered within 4 h and resolved within 24 h
        String nearly = file(http, "cs-desk", "cs-due", "GENERAL", now.minus(Duration.ofMinutes(210)).toString());
        String early = file(http, "cs-desk", "cs-due", "GENERAL", now.minus(Duration.ofMinutes(60)).toString());
        String answered = file(http, "cs-desk", "cs-due", "GENERAL", now.minus(Duration.ofMinutes(210)).toString());
        Http.Response triaged = http.post("cs-desk", "/api/complaints/" + answered + "/triage",
                "{\"nature\":\"justified\",\"department\":\"teaching\",\"severity\":\"GENERAL\"}");
        assertThat(triaged.status()).as(triaged.text()).isEqualTo(200);
        long position = triaged.json().get("position").asLong();

        JsonNode items = ok(http.get("cs-desk", "/api/views/complaints?centre=cs-due&position=" + position)).json()
                .get("items");
        JsonNode nearlyRow = rowOf(items, nearly);
        assertThat(nearlyRow.get("nearlyDue").asBoolean()).as("30 min of a 4 h target left").isTrue();
        assertThat(nearlyRow.get("slaState").asText()).isEqualTo("ON_TRACK");
        assertThat(nearlyRow.get("nextDueAt").asText()).isEqualTo(nearlyRow.get("firstResponseDueAt").asText());
        assertThat(nearlyRow.get("businessSecondsLeft").asLong()).isBetween(1L, 1800L);

        JsonNode earlyRow = rowOf(items, early);
        assertThat(earlyRow.get("nearlyDue").asBoolean()).as("3 h of a 4 h target left").isFalse();
        assertThat(earlyRow.get("businessSecondsLeft").asLong()).isBetween(3 * 3600L - 600, 3 * 3600L);

        JsonNode answeredRow = rowOf(items, answered);
        assertThat(answeredRow.has("firstResponseDueAt")).as("met: no longer due").isFalse();
        assertThat(answeredRow.get("nextDueAt").asText()).isEqualTo(answeredRow.get("resolutionDueAt").asText());
        assertThat(answeredRow.get("nearlyDue").asBoolean()).as("20.5 h of a 24 h target left").isFalse();

        assertThat(detail("cs-desk", nearly).get("complaint").get("nearlyDue").asBoolean()).isTrue();
        assertThat(jdbc.queryForMap("""
                select first_response_target_seconds, resolution_target_seconds from complaint_case
                where complaint_id = ?""", nearly)).containsValues(4 * 3600L, 24 * 3600L);
    }

    private static JsonNode rowOf(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("complaintId").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no row for " + id + " in " + items);
    }

    @Test
    void computesExactKpisInBusinessSecondsAndMinorUnits() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        // closed at once, with CNY 123.45 compensation
        ComplaintId paid = complaint(events, ComplaintCategory.BILLING, JUNE,
                new ComplaintTriagedEvent(null, "justified", "finance", Severity.GENERAL, Severity.GENERAL, desk(),
                        JUNE),
                new ComplaintAssignedEvent(null, StaffId.of("h1"), null, desk(), JUNE),
                stopped(SlaClock.FIRST_RESPONSE, 100),
                proposed(new Compensation(CompensationType.REFUND, 12_345, "CNY")),
                stopped(SlaClock.RESOLUTION, 1000),
                new ComplaintClosedEvent(null, plain("ok"), desk(), JUNE.plusSeconds(2000)));
        // told with CNY 0.55, not satisfied, reopened: its first resolution time stays
        complaint(events, ComplaintCategory.BILLING, JUNE.plusSeconds(60),
                new ComplaintTriagedEvent(null, "justified", "finance", Severity.GENERAL, Severity.GENERAL, desk(),
                        JUNE),
                stopped(SlaClock.FIRST_RESPONSE, 200),
                proposed(new Compensation(CompensationType.VOUCHER, 55, "CNY")),
                stopped(SlaClock.RESOLUTION, 2000),
                new ComplaintReopenedEvent(null, plain("not enough"), 1, desk(), JUNE.plusSeconds(3000)));
        // answered late: a breach
        complaint(events, ComplaintCategory.SERVICE, JUNE.plusSeconds(120),
                new SlaBreachedEvent(null, SlaClock.FIRST_RESPONSE, EscalationLevel.HANDLER, JUNE.plusSeconds(250)),
                stopped(SlaClock.FIRST_RESPONSE, 300));
        // withdrawn after a first response
        complaint(events, ComplaintCategory.SERVICE, JUNE.plusSeconds(180),
                stopped(SlaClock.FIRST_RESPONSE, 400),
                new ComplaintWithdrawnEvent(null, plain("no longer needed"), desk(), JUNE.plusSeconds(900)));
        // filed the day before the range
        complaint(events, ComplaintCategory.SERVICE, Instant.parse("2026-05-31T23:59:59Z"),
                stopped(SlaClock.FIRST_RESPONSE, 9999));
        eventStore.publish(events);
        long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);

        Http.Response response = http.get("cs-manager",
                "/api/views/complaints/kpis?centre=cs-kpi&from=2026-06-01&to=2026-06-30&position=" + head);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode kpis = response.json();
        assertThat(kpis.get("zone").asText()).isEqualTo("UTC");
        JsonNode overall = kpis.get("overall");
        assertThat(overall.get("filed").asLong()).isEqualTo(4);
        assertThat(overall.get("open").asLong()).isEqualTo(2);
        assertThat(overall.get("closed").asLong()).isEqualTo(1);
        assertThat(overall.get("withdrawn").asLong()).isEqualTo(1);
        // percentile_cont over 100, 200, 300, 400 and over 1000, 2000
        assertThat(overall.get("firstResponseMedianSeconds").asDouble()).isEqualTo(250.0);
        assertThat(overall.get("firstResponseP90Seconds").asDouble()).isEqualTo(370.0);
        assertThat(overall.get("resolutionMedianSeconds").asDouble()).isEqualTo(1500.0);
        assertThat(overall.get("resolutionP90Seconds").asDouble()).isEqualTo(1900.0);
        assertThat(overall.get("breached").asLong()).isEqualTo(1);
        assertThat(overall.get("slaBreachRate").asDouble()).isEqualTo(0.25);
        assertThat(overall.get("reopened").asLong()).isEqualTo(1);
        assertThat(overall.get("reopenRate").asDouble()).isEqualTo(0.5);
        assertThat(overall.get("satisfactionRate").asDouble()).isEqualTo(0.5);
        assertThat(overall.get("compensation")).hasSize(1);
        assertThat(overall.get("compensation").get(0).get("amountMinor").asLong()).isEqualTo(12_400);

        JsonNode billing = kpis.get("byCategory").get(0);
        assertThat(billing.get("key").asText()).isEqualTo("BILLING");
        assertThat(billing.get("filed").asLong()).isEqualTo(2);
        assertThat(billing.get("compensation").get(0).get("amountMinor").asLong()).isEqualTo(12_400);
        JsonNode service = kpis.get("byCategory").get(1);
        assertThat(service.get("key").asText()).isEqualTo("SERVICE");
        assertThat(service.get("slaBreachRate").asDouble()).isEqualTo(0.5);
        assertThat(service.has("resolutionMedianSeconds")).isFalse();
        assertThat(kpis.get("byDepartment").findValuesAsText("key")).containsExactly("finance");
        assertThat(kpis.get("byDepartment").get(1).get("key").asText()).isEqualTo("finance");
        assertThat(kpis.get("byDepartment").get(1).get("filed").asLong()).isEqualTo(2);
        assertThat(kpis.get("byHandler").get(1).get("key").asText()).isEqualTo("h1");
        assertThat(kpis.get("byHandler").get(1).get("closed").asLong()).isEqualTo(1);
        assertThat(kpis.get("openNow").asLong()).isEqualTo(3);

        JsonNode detail = ok(http.get("cs-desk", "/api/views/complaints/" + paid.value())).json();
        assertThat(detail.get("firstResponseBusinessSeconds").asLong()).isEqualTo(100);
        assertThat(detail.get("firstResolutionBusinessSeconds").asLong()).isEqualTo(1000);
        assertThat(detail.get("resolutions").get(0).get("offeredAt").asText()).isNotBlank();

        assertThat(http.get("cs-manager", "/api/views/complaints/kpis?centre=cs-kpi&from=2026-07-01&to=2026-06-01")
                .status()).isEqualTo(400);
        JsonNode empty = ok(http.get("cs-manager", "/api/views/complaints/kpis?centre=cs-kpi&from=2020-01-01"
                + "&to=2020-01-31")).json().get("overall");
        assertThat(empty.get("filed").asLong()).isZero();
        assertThat(empty.has("slaBreachRate")).isFalse();
    }

    @Test
    void applyingAnEventTwiceLeavesTheSameRowAndAReplayRebuildsTheView() {
        ComplaintId id = ComplaintId.random();
        ComplaintFiledEvent filed = new ComplaintFiledEvent(id, REPLAY_CENTRE, ComplaintChannel.LETTER,
                new SealedCustomer(null, plain("Sun Li"), null), ComplaintCategory.OTHER, plain("a letter"),
                Severity.GENERAL, null,
                desk(), Instant.parse("2026-04-01T00:00:00Z"));
        eventStore.publish(GenericEventMessage.asEventMessage(filed));
        awaitComplaintsView();
        Map<String, Object> once = jdbc.queryForMap("select * from complaint_case where complaint_id = ?", id.value());
        eventStore.publish(GenericEventMessage.asEventMessage(filed));
        awaitComplaintsView();
        assertThat(jdbc.queryForMap("select * from complaint_case where complaint_id = ?", id.value()))
                .isEqualTo(once);

        List<Map<String, Object>> cases = jdbc.queryForList(VIEW_CASES);
        List<Map<String, Object>> resolutions = jdbc.queryForList(VIEW_RESOLUTIONS);
        List<Map<String, Object>> breaches = jdbc.queryForList(VIEW_BREACHES);
        List<Map<String, Object>> timeline = jdbc.queryForList(VIEW_TIMELINE);
        StreamingEventProcessor processor = processing.eventProcessor("complaints", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitComplaintsView();
        assertThat(jdbc.queryForList(VIEW_CASES)).isEqualTo(cases);
        assertThat(jdbc.queryForList(VIEW_RESOLUTIONS)).isEqualTo(resolutions);
        assertThat(jdbc.queryForList(VIEW_BREACHES)).isEqualTo(breaches);
        assertThat(jdbc.queryForList(VIEW_TIMELINE)).isEqualTo(timeline);
    }

    // ---------------------------------------------------------------- helpers

    /** Appends a complaint's events, filed at {@code filedAt}, each completed with the complaint's id. */
    private static ComplaintId complaint(List<DomainEventMessage<?>> events, ComplaintCategory category,
                                         Instant filedAt, Object... later) {
        ComplaintId id = ComplaintId.random();
        List<Object> payloads = new ArrayList<>();
        payloads.add(new ComplaintFiledEvent(id, KPI_CENTRE, ComplaintChannel.PHONE,
                new SealedCustomer(null, null, plain("1")), category, plain("test"), Severity.GENERAL, null, desk(),
                filedAt));
        payloads.add(new SlaClockStartedEvent(id, SlaClock.FIRST_RESPONSE, Duration.ofHours(4),
                filedAt.plus(Duration.ofHours(4)), filedAt));
        payloads.add(new SlaClockStartedEvent(id, SlaClock.RESOLUTION, Duration.ofHours(24),
                filedAt.plus(Duration.ofHours(24)), filedAt));
        for (Object event : later) {
            payloads.add(withId(event, id));
        }
        MetaData meta = MetaData.with(MetaDataKeys.USER, "cs-desk").and(MetaDataKeys.CENTRE, KPI_CENTRE.value());
        for (int i = 0; i < payloads.size(); i++) {
            events.add(new GenericDomainEventMessage<>("ComplaintCase", id.value(), i, payloads.get(i), meta));
        }
        return id;
    }

    /** The events above are written without their complaint's id; this fills it in. */
    private static Object withId(Object event, ComplaintId id) {
        if (event instanceof ComplaintTriagedEvent e) {
            return new ComplaintTriagedEvent(id, e.nature(), e.department(), e.severity(), e.previousSeverity(),
                    e.by(), e.at());
        }
        if (event instanceof ComplaintAssignedEvent e) {
            return new ComplaintAssignedEvent(id, e.handler(), e.previousHandler(), e.by(), e.at());
        }
        if (event instanceof SlaClockStoppedEvent e) {
            return new SlaClockStoppedEvent(id, e.clock(), e.businessSeconds(), e.breached(), e.at());
        }
        if (event instanceof ResolutionProposedEvent e) {
            return new ResolutionProposedEvent(id, e.summary(), e.compensation(), e.approvalRequiredFrom(), e.by(),
                    e.at());
        }
        if (event instanceof ComplaintClosedEvent e) {
            return new ComplaintClosedEvent(id, e.comment(), e.by(), e.at());
        }
        if (event instanceof ComplaintReopenedEvent e) {
            return new ComplaintReopenedEvent(id, e.comment(), e.reopenCount(), e.by(), e.at());
        }
        if (event instanceof SlaBreachedEvent e) {
            return new SlaBreachedEvent(id, e.clock(), e.level(), e.at());
        }
        if (event instanceof ComplaintWithdrawnEvent e) {
            return new ComplaintWithdrawnEvent(id, e.reason(), e.by(), e.at());
        }
        throw new IllegalArgumentException("add " + event.getClass().getSimpleName() + " here");
    }

    private static SlaClockStoppedEvent stopped(SlaClock clock, long seconds) {
        return new SlaClockStoppedEvent(null, clock, seconds, false, JUNE.plusSeconds(seconds));
    }

    private static ResolutionProposedEvent proposed(Compensation compensation) {
        return new ResolutionProposedEvent(null, plain("refund"), compensation, null, desk(), JUNE.plusSeconds(500));
    }

    /**
     * A value as a revision-1 event held it, upcast (see ComplaintUpcasters): the views read it as it is. These
     * tests are about figures, written straight into the store, and need no key.
     */
    private static Sealed plain(String text) {
        return Sealed.of("plain:" + text);
    }

    private static StaffId desk() {
        return StaffId.of("cs-desk");
    }

    private List<String> ids(String query) {
        return get(query).get("items").findValuesAsText("complaintId");
    }

    private JsonNode get(String query) {
        return ok(http.get("cs-desk", "/api/views/complaints?centre=cs-view&" + query)).json();
    }

    private static Http.Response ok(Http.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response;
    }

    /** Waits until the complaints processor has committed the newest event in the store. */
    private void awaitComplaintsView() {
        long head = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
        await("the complaints view to reach " + head, () -> positions.await("complaints", head));
    }
}
