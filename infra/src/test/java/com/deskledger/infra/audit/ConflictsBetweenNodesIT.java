package com.deskledger.infra.audit;

import com.deskledger.command.web.ConflictRetries;
import com.deskledger.infra.DeskLedgerApplication;
import com.deskledger.infra.support.CommitHold;
import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.infra.support.ViewVerification;
import com.deskledger.kernel.member.command.CheckInCommand;
import com.deskledger.query.web.ProjectionPositions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database: this test's shared application (node A, three retries) and a second application
 * context started here on another random port (node B, one retry, a back-off of up to a second) change the same
 * member at once. A conflict is retried on fresh state and re-validated; only one that persists answers 409, after
 * the node's retries ran out; no answer is a 500; every command answered 2xx is stored exactly once and a refused one
 * not at all (matched by correlation id); no conflict is logged as an error.
 * <p>
 * Node B also refuses to commit events more than 3 s after they were created (the bound that keeps a view from
 * skipping an event, README "Every view exact").
 * <p>
 * The first scenarios are made deterministic with {@link CommitHold}: a command on one node is held after its append
 * (its row inserted, uncommitted), so the other node's append of the same aggregate and sequence waits on the unique
 * key and fails once the held one commits.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConflictsBetweenNodesIT extends IntegrationTest {

    private static ConfigurableApplicationContext nodeB;
    private static int portB;

    @Autowired
    CommitHold holdA;
    @Autowired
    ConflictRetries conflictsA;
    @Autowired
    ProjectionPositions positions;

    private final ExecutorService requests = Executors.newFixedThreadPool(8);

    @BeforeAll
    static void startSecondNode() {
        // command-line arguments: unlike the builder's default properties, they override application.yml
        nodeB = new SpringApplicationBuilder(DeskLedgerApplication.class)
                .profiles("it")
                .run("--server.port=0", "--deskledger.commands.conflict-retries=1",
                        "--deskledger.commands.conflict-backoff=PT1S", "--deskledger.event-store.max-append-age=PT3S",
                        "--deskledger.node.id=node-b");
        portB = nodeB.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @AfterAll
    static void stopSecondNode() {
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
        }
    }

    @Test
    @Order(1)
    void aConflictIsRetriedOnFreshStateAndOnlyAPersistingOneAnswers409(CapturedOutput output) throws Exception {
        Http b = new Http(portB);
        CommitHold holdB = nodeB.getBean(CommitHold.class);
        ConflictRetries conflictsB = nodeB.getBean(ConflictRetries.class);
        String member = memberWithCredits();

        // 1. B's check-in is held after its append; A's check-in of the same member meets it, is retried and stored
        long retriedA = conflictsA.retried();
        CommitHold.Hold held = holdB.next(checkInOf(member, "S1"));
        CompletableFuture<Http.Response> first = async(b, member, "S1", "c1-b");
        held.awaitHeld();
        CompletableFuture<Http.Response> second = async(http, member, "S2", "c1-a");
        awaitWaitingOnALock();
        held.release();
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        Http.Response retried = second.get(30, TimeUnit.SECONDS);
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(conflictsA.retried()).as("A met the conflict and tried again").isEqualTo(retriedA + 1);
        assertThat(storedFor("c1-b")).isEqualTo(1);
        assertThat(storedFor("c1-a")).isEqualTo(1);

        // 2. the retry checks the rules again on fresh state: the same class session twice is refused, not stored
        held = holdB.next(checkInOf(member, "S3"));
        first = async(b, member, "S3", "c2-b");
        held.awaitHeld();
        second = async(http, member, "S3", "c2-a");
        awaitWaitingOnALock();
        held.release();
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        Http.Response twice = second.get(30, TimeUnit.SECONDS);
        assertThat(twice.status()).as(twice.text()).isEqualTo(422);
        assertThat(twice.json().get("code").asText()).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(storedFor("c2-a")).isZero();

        // 3. B (one retry) meets a conflict on both of its attempts: 409 after its retries ran out, nothing stored
        long rejectedB = conflictsB.rejected();
        CommitHold.Hold a1 = holdA.next(checkInOf(member, "S4"));
        CompletableFuture<Http.Response> aFirst = async(http, member, "S4", "c3-a1");
        a1.awaitHeld();
        CompletableFuture<Http.Response> loser = async(b, member, "S5", "c3-b");
        awaitWaitingOnALock();
        CommitHold.Hold a2 = holdA.next(checkInOf(member, "S6"));
        CompletableFuture<Http.Response> aSecond = async(http, member, "S6", "c3-a2");
        long retriedB = conflictsB.retried();
        a1.release();
        a2.awaitHeld(); // appended while B waits out its back-off before the retry
        awaitTrue("B's first attempt to meet the conflict", () -> conflictsB.retried() == retriedB + 1);
        awaitWaitingOnALock(); // B's retry meets A's second append
        a2.release();
        assertThat(aFirst.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(aSecond.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        Http.Response conflict = loser.get(30, TimeUnit.SECONDS);
        assertThat(conflict.status()).as(conflict.text()).isEqualTo(409);
        assertThat(conflict.json().get("code").asText()).isEqualTo("CONCURRENCY_CONFLICT");
        assertThat(conflict.json().get("attempts").asInt()).as("one attempt and its one retry").isEqualTo(2);
        assertThat(conflictsB.rejected()).isEqualTo(rejectedB + 1);
        assertThat(storedFor("c3-b")).isZero();

        // 4. both nodes at once on the same member, nothing held
        List<CompletableFuture<Http.Response>> burst = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            String correlation = "burst-" + i + "-" + UUID.randomUUID();
            ids.add(correlation);
            burst.add(async(i % 2 == 0 ? http : b, member, "B" + i, correlation));
        }
        int answered = 0;
        for (int i = 0; i < burst.size(); i++) {
            Http.Response response = burst.get(i).get(60, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.text()).isIn(200, 409);
            if (response.status() == 200) {
                answered++;
                assertThat(storedFor(ids.get(i))).as("a 2xx stored exactly once").isEqualTo(1);
            } else {
                assertThat(response.json().get("attempts").asInt()).as("409 only after the retries ran out")
                        .isEqualTo(i % 2 == 0 ? conflictsA.retries() + 1 : conflictsB.retries() + 1);
                assertThat(storedFor(ids.get(i))).as("a refused command stores nothing").isZero();
            }
        }
        assertThat(answered).isPositive();
        assertThat(jdbc.queryForObject("""
                select count(*) from domainevententry where aggregateidentifier = ?
                and payloadtype like '%ClassCheckedInEvent'""", Long.class, member))
                .as("check-ins stored: scenarios 1-3 and every 2xx of the burst").isEqualTo(5L + answered);

        assertThat(output.getAll()).as("a conflict is no error")
                .doesNotContain("Unexpected error")
                .doesNotContain("ConcurrencyException")
                .doesNotContain("duplicate key value");
        assertThat(output.getAll()).contains("CheckInCommand met a concurrent change of its record on each of 2 "
                + "attempts; answered 409");
    }

    @Test
    @Order(2)
    void anAppendThatWouldCommitTooLateIsRolledBackAnd503() throws Exception {
        Http b = new Http(portB);
        String member = memberWithCredits();
        CommitHold.Hold held = nodeB.getBean(CommitHold.class).next(checkInOf(member, "LATE"));
        CompletableFuture<Http.Response> late = async(b, member, "LATE", "late-1");
        held.awaitHeld();
        Thread.sleep(3_500);
        held.release();
        Http.Response refused = late.get(30, TimeUnit.SECONDS);
        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.json().get("code").asText()).isEqualTo("COMMIT_TOO_LATE");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(storedFor("late-1")).isZero();
        // the same command at once is fine
        assertThat(async(b, member, "LATE", "late-2").get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(storedFor("late-2")).isEqualTo(1);
    }

    /** What both nodes did together: every view equals its rebuild (node B stops first, so nothing moves). */
    @Test
    @Order(3)
    void everyViewEqualsItsRebuildAfterBothNodesWrote() {
        stopSecondNode();
        ViewVerification.everyViewIdentical(http, jdbc, positions, List.of());
    }

    private String memberWithCredits() {
        Http.Response enrolled = http.post("reception", "/api/members", "{\"centre\":\"main\",\"kind\":\"ADULT\","
                + "\"name\":\"Two Nodes\",\"phone\":\"139" + (10_000_000 + (int) (Math.random() * 89_999_999))
                + "\"}");
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        String member = enrolled.json().get("id").asText();
        Http.Response pack = http.post("reception", "/api/members/" + member + "/packages", "{\"plan\":\"200 classes\","
                + "\"kind\":\"CREDIT_PACK\",\"credits\":200,\"price\":{\"minor\":900000},\"paymentMethod\":\"CARD\"}");
        assertThat(pack.status()).as(pack.text()).isEqualTo(201);
        return member;
    }

    private static Predicate<Object> checkInOf(String member, String classCode) {
        return command -> command instanceof CheckInCommand checkIn && checkIn.memberId().value().equals(member)
                && checkIn.session().classCode().equals(classCode);
    }

    private CompletableFuture<Http.Response> async(Http node, String member, String classCode, String correlation) {
        String body = "{\"classCode\":\"" + classCode + "\",\"scheduledStart\":\""
                + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1)) + "\","
                + "\"room\":\"R1\"}";
        return CompletableFuture.supplyAsync(() -> node.post("reception", "/api/members/" + member + "/check-ins",
                body, Map.of("X-Correlation-Id", correlation)), requests);
    }

    /** Events stored by the request with this correlation id. */
    private long storedFor(String correlation) {
        return jdbc.queryForObject("""
                select count(*) from domainevententry
                where convert_from(metadata, 'UTF8')::jsonb->>'correlationId' = ?""", Long.class, correlation);
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(10);
        }
    }

    /** Waits until an append of this test's database waits for a lock: on the held append of the same aggregate. */
    private void awaitWaitingOnALock() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (jdbc.queryForObject("""
                select count(*) from pg_stat_activity where datname = current_database()
                and wait_event_type = 'Lock' and query ilike '%domainevententry%'""", Long.class) == 0) {
            assertThat(Instant.now()).as("an append waits for the held one").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
