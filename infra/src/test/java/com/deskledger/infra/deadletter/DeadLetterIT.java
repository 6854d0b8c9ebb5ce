package com.deskledger.infra.deadletter;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.MetaDataKeys;
import com.deskledger.kernel.PersonalDataVault;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintCategory;
import com.deskledger.kernel.complaint.ComplaintChannel;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.SealedCustomer;
import com.deskledger.kernel.complaint.Severity;
import com.deskledger.kernel.complaint.SlaClock;
import com.deskledger.kernel.complaint.event.ComplaintFiledEvent;
import com.deskledger.kernel.complaint.event.SlaClockStartedEvent;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.event.ContactDetailsChangedEvent;
import com.deskledger.kernel.visit.VisitId;
import com.deskledger.kernel.visit.event.VisitorRegisteredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poison event (one a view cannot store: a NUL character, which PostgreSQL refuses in text) written straight into
 * the event store, past every check of the API, waits in the dead-letter queue of each view that cannot take it,
 * with the later events of its aggregate; the views go on with every other aggregate; the ADMIN sees the letters
 * (with a cause that holds no personal data), retries them after a fix or evicts them; and no log line holds a
 * personal value.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterIT extends IntegrationTest {

    private static final String CENTRE = "poison";
    private static final String DESK = "poison-desk";
    private static final String ADMIN = "admin";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values that occur nowhere else, to look for in the logs and answers. */
    private static final List<String> PERSONAL = List.of("Ximen", "13900001111", "poisoned@example.org");

    @Autowired
    EventStore eventStore;
    @Autowired
    PersonalDataVault vault;
    @Autowired
    PlatformTransactionManager transactions;

    private final List<String[]> toEvict = new ArrayList<>();

    @AfterEach
    void evictWhatIsLeft() {
        for (String[] letter : toEvict) {
            http.post(ADMIN, "/api/admin/projections/" + letter[0] + "/dead-letters/" + letter[1] + "/eviction", null);
        }
    }

    @Test
    void poisonEventsWaitAsDeadLettersWhileEveryViewGoesOn(CapturedOutput output) throws InterruptedException {
        String visit = created("/api/visits", json("centre", CENTRE, "channel", "WALK_IN", "purpose", "CONSULTATION"));
        String member = created("/api/members", json("centre", CENTRE, "kind", "ADULT", "name", "Good Adult",
                "phone", "13900002222"));
        String complaint = UUID.randomUUID().toString();
        toEvict.add(new String[]{"reception", visit});
        toEvict.add(new String[]{"members", member});
        toEvict.add(new String[]{"complaints", complaint});

        // past the API: a registration form and a contact change with a NUL, sealed as the aggregates seal them
        append("VisitorSession", visit, new VisitorRegisteredEvent(VisitId.of(visit),
                vault.seal(VisitId.of(visit), "Ximen\u0000Poison"), vault.seal(VisitId.of(visit), "13900001111"),
                null, null, Instant.now()));
        append("MemberAccount", member, new ContactDetailsChangedEvent(MemberId.of(member), null,
                vault.seal(MemberId.of(member), "poisoned\u0000@example.org"), null, null, StaffId.of(DESK),
                Instant.now()));
        ComplaintId complaintId = ComplaintId.of(complaint);
        append("ComplaintCase", complaint, new ComplaintFiledEvent(complaintId, CentreId.of(CENTRE),
                ComplaintChannel.PHONE, new SealedCustomer(null, vault.seal(complaintId, "Ximen Chui"),
                vault.seal(complaintId, "13900001111")), ComplaintCategory.SERVICE,
                vault.seal(complaintId, "Ximen\u0000 was kept waiting"), Severity.GENERAL, null, StaffId.of(DESK),
                Instant.now()));
        for (SlaClock clock : SlaClock.values()) {
            append("ComplaintCase", complaint, new SlaClockStartedEvent(complaintId, clock, Duration.ofHours(24),
                    Instant.now().plus(Duration.ofHours(24)), Instant.now()));
        }
        // later events of the same aggregates queue up behind them
        ok("/api/visits/" + visit + "/consultant", json("consultant", "Teacher Ma"));
        ok("/api/members/" + member + "/freeze", json("reason", "holiday"));
        ok("/api/complaints/" + complaint + "/notes", json("text", "called back"));

        // and every other aggregate goes on: later commands show up in each view
        String otherVisit = created("/api/visits", json("centre", CENTRE, "channel", "CALL_IN",
                "purpose", "BOOKING", "rings", 2));
        long otherVisitAt = lastPosition;
        String otherMember = created("/api/members", json("centre", CENTRE, "kind", "ADULT", "name",
                "Another Adult", "phone", "13900003333"));
        long otherMemberAt = lastPosition;
        String otherComplaint = created("/api/complaints", json("centre", CENTRE, "channel", "WALK_IN",
                "category", "FACILITY", "severity", "GENERAL", "description", "cold room",
                "customer", Map.of("name", "Someone Else")));
        long otherComplaintAt = lastPosition;
        assertThat(view("/api/views/complaints/" + otherComplaint, otherComplaintAt).get("description").asText())
                .isEqualTo("cold room");
        JsonNode visits = view("/api/views/reception/visits?centre=" + CENTRE + "&date=" + today() + "&size=100",
                otherVisitAt);
        assertThat(ids(visits.get("items"), "visitId")).contains(otherVisit);
        assertThat(view("/api/views/members/" + otherMember, otherMemberAt).get("name").asText())
                .isEqualTo("Another Adult");

        // each view holds its poison event and the later event of the same aggregate, in order
        List<JsonNode> receptionLetters = awaitLetters("reception", visit, 2);
        assertThat(receptionLetters.get(0).get("eventType").asText()).isEqualTo("VisitorRegisteredEvent");
        assertThat(receptionLetters.get(0).get("causeType").asText()).isEqualTo("org.postgresql.util.PSQLException");
        assertThat(receptionLetters.get(0).get("causeMessage").asText()).isEqualTo("SQLState 22021");
        assertThat(receptionLetters.get(1).get("eventType").asText()).isEqualTo("ConsultantAssignedEvent");
        List<JsonNode> memberLetters = awaitLetters("members", member, 2);
        assertThat(memberLetters.get(0).get("eventType").asText()).isEqualTo("ContactDetailsChangedEvent");
        assertThat(memberLetters.get(0).get("causeMessage").asText()).isEqualTo("SQLState 22021");
        assertThat(memberLetters.get(1).get("eventType").asText()).isEqualTo("MemberFrozenEvent");
        List<JsonNode> complaintLetters = awaitLetters("complaints", complaint, 4);
        assertThat(complaintLetters.get(0).get("eventType").asText()).isEqualTo("ComplaintFiledEvent");
        assertThat(complaintLetters.get(0).get("causeMessage").asText()).isEqualTo("SQLState 22021");
        assertThat(complaintLetters.get(1).get("eventType").asText()).isEqualTo("SlaClockStartedEvent");
        // views that can take the events have none of them
        assertThat(letters("audit-log", visit)).isEmpty();

        // the projections page and the node's health say so; the metric counts them
        JsonNode reception = projection("reception");
        assertThat(reception.get("degraded").asBoolean()).isTrue();
        assertThat(reception.get("deadLetters").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(reception.get("oldestDeadLetter").isNull()).isFalse();
        assertThat(reception.get("error").asBoolean()).isFalse();
        // the health reads the dead letters once a second, on its own thread
        Http.Response health = http.get(null, "/actuator/health");
        for (long until = System.nanoTime() + 10_000_000_000L;
             !"DEGRADED".equals(health.json().get("status").asText()) && System.nanoTime() < until; ) {
            Thread.sleep(100);
            health = http.get(null, "/actuator/health");
        }
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("DEGRADED");
        assertThat(http.get(null, "/actuator/health/readiness").json().get("status").asText()).isEqualTo("UP");
        // the gauge shows the figures of the same once-a-second read: wait for the read after reception's letters
        java.util.regex.Pattern receptionGauge =
                java.util.regex.Pattern.compile("deskledger_dead_letters\\{view=\"reception\"[^}]*} [1-9]");
        String metrics = http.get(ADMIN, "/actuator/prometheus").text();
        for (long until = System.nanoTime() + 10_000_000_000L;
             !receptionGauge.matcher(metrics).find() && System.nanoTime() < until; ) {
            Thread.sleep(100);
            metrics = http.get(ADMIN, "/actuator/prometheus").text();
        }
        assertThat(metrics).containsPattern(receptionGauge);
        assertThat(metrics).containsPattern("deskledger_dead_letters_enqueued_total\\{view=\"members\"[^}]*} [1-9]");

        // the member's profile still shows what it had before the poison event
        assertThat(view("/api/views/members/" + member, otherMemberAt).get("status").asText()).isEqualTo("ACTIVE");

        // verification leaves the dead letters out, as the live view does, and says the view is not complete
        Http.Response verdict = http.post("poison-manager", "/api/audit/views/reception/verify", null);
        assertThat(verdict.status()).as(verdict.text()).isEqualTo(200);
        assertThat(verdict.json().get("identical").asBoolean()).as(verdict.text()).isTrue();
        assertThat(verdict.json().get("complete").asBoolean()).isFalse();
        assertThat(verdict.json().get("deadLetters").asLong()).isGreaterThanOrEqualTo(2);

        // a retry without a fix changes nothing and says why
        Http.Response retry = http.post(ADMIN, "/api/admin/projections/reception/dead-letters/" + visit + "/retry",
                null);
        assertThat(retry.status()).as(retry.text()).isEqualTo(200);
        assertThat(retry.json().get("applied").asBoolean()).isFalse();
        assertThat(retry.json().get("sqlState").asText()).isEqualTo("22021");
        assertThat(letters("reception", visit)).hasSize(2);

        // a replay clears the view's dead letters and meets the poison event again: the same two letters
        assertThat(http.post(ADMIN, "/api/admin/projections/reception/replay", null).status()).isEqualTo(202);
        await("the replay of reception", () -> !projection("reception").get("replaying").asBoolean()
                && letters("reception", visit).size() == 2);

        // no answer and no log line holds a personal value
        assertThat(http.get(ADMIN, "/api/admin/projections/reception/dead-letters").text())
                .doesNotContain(PERSONAL.toArray(String[]::new));
        assertThat(output.getAll()).doesNotContain(PERSONAL.toArray(String[]::new));

        // evicting drops them for good
        Http.Response evicted = http.post(ADMIN, "/api/admin/projections/reception/dead-letters/" + visit
                + "/eviction", null);
        assertThat(evicted.status()).isEqualTo(200);
        assertThat(evicted.json().get("evicted").asLong()).isEqualTo(2);
        assertThat(letters("reception", visit)).isEmpty();
        assertThat(http.post(ADMIN, "/api/admin/projections/members/dead-letters/" + member + "/eviction", null)
                .status()).isEqualTo(200);
        assertThat(http.post(ADMIN, "/api/admin/projections/complaints/dead-letters/" + complaint + "/eviction",
                null).status()).isEqualTo(200);
        assertThat(letters("members", member)).isEmpty();
        assertThat(http.post(ADMIN, "/api/admin/projections/aggregate-directory/dead-letters/retry", null)
                .status()).isEqualTo(422);
    }

    @Test
    void aDeadLetterRetriedAfterTheFixIsApplied() {
        String visit = created("/api/visits", json("centre", CENTRE, "channel", "WALK_IN", "purpose", "PURCHASE"));
        toEvict.add(new String[]{"reception", visit});
        // a view that refuses one value: a check the next release will drop
        jdbc.execute("alter table reception_visit add constraint dead_letter_it_check"
                + " check (consultant is distinct from 'Teacher Blocked')");
        try {
            ok("/api/visits/" + visit + "/consultant", json("consultant", "Teacher Blocked"));
            List<JsonNode> found = awaitLetters("reception", visit, 1);
            assertThat(found.get(0).get("causeMessage").asText()).isEqualTo("SQLState 23514");
        } finally {
            jdbc.execute("alter table reception_visit drop constraint dead_letter_it_check");
        }
        Http.Response retried = http.post(ADMIN, "/api/admin/projections/reception/dead-letters/retry", null);
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        JsonNode ours = null;
        for (JsonNode outcome : retried.json()) {
            if (outcome.get("sequence").asText().equals(visit)) {
                ours = outcome;
            }
        }
        assertThat(ours).as(retried.text()).isNotNull();
        assertThat(ours.get("applied").asBoolean()).isTrue();
        assertThat(letters("reception", visit)).isEmpty();
        JsonNode visits = view("/api/views/reception/visits?centre=" + CENTRE + "&date=" + today() + "&size=100",
                lastPosition);
        JsonNode row = null;
        for (JsonNode item : visits.get("items")) {
            if (item.get("visitId").asText().equals(visit)) {
                row = item;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("consultant").asText()).isEqualTo("Teacher Blocked");
    }

    // ---------------------------------------------------------------- helpers

    private long lastPosition;

    private void append(String type, String aggregate, Object payload) {
        long sequence = eventCount(aggregate);
        MetaData metaData = MetaData.with(MetaDataKeys.USER, DESK).and(MetaDataKeys.CENTRE, CENTRE)
                .and(MetaDataKeys.CORRELATION_ID, "dead-letter-it");
        new TransactionTemplate(transactions).executeWithoutResult(status -> eventStore.publish(
                new GenericDomainEventMessage<>(type, aggregate, sequence, payload, metaData)));
    }

    private List<JsonNode> awaitLetters(String view, String sequence, int count) {
        await(count + " dead letters of " + view, () -> letters(view, sequence).size() >= count);
        return letters(view, sequence);
    }

    private List<JsonNode> letters(String view, String sequence) {
        Http.Response response = http.get(ADMIN, "/api/admin/projections/" + view + "/dead-letters");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode letter : response.json()) {
            if (letter.get("sequence").asText().equals(sequence)) {
                found.add(letter);
            }
        }
        return found;
    }

    private JsonNode projection(String name) {
        Http.Response response = http.get(ADMIN, "/api/admin/projections/" + name);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    private String created(String path, String body) {
        Http.Response response = http.post(DESK, path, body);
        assertThat(response.status()).as("%s %s", path, response.text()).isEqualTo(201);
        lastPosition = response.json().get("position").asLong();
        return response.json().get("id").asText();
    }

    private void ok(String path, String body) {
        Http.Response response = http.post(DESK, path, body);
        assertThat(response.status()).as("%s %s", path, response.text()).isEqualTo(200);
        lastPosition = response.json().get("position").asLong();
    }

    /**
     * A view once it holds the position. Passing a poison event takes a view a few retries of its processor (1 s,
     * then 2 s of back-off), longer than one query waits: ask until it does.
     */
    private JsonNode view(String path, long position) {
        String separator = path.contains("?") ? "&" : "?";
        Http.Response[] response = {null};
        await("the view " + path + " at " + position, () -> {
            response[0] = http.get("poison-manager", path + separator + "position=" + position);
            if (!"true".equals(response[0].header("X-DeskLedger-Consistent"))) {
                return false;
            }
            assertThat(response[0].status()).as("%s %s", path, response[0].text()).isEqualTo(200);
            return true;
        });
        return response[0].json();
    }

    private static List<String> ids(JsonNode items, String field) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get(field).asText()));
        return ids;
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    private static String json(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
