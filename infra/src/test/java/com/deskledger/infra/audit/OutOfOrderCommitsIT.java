package com.deskledger.infra.audit;

import com.deskledger.infra.support.CommitHold;
import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.infra.support.ViewVerification;
import com.deskledger.kernel.complaint.command.FileComplaintCommand;
import com.deskledger.kernel.member.command.CheckInCommand;
import com.deskledger.kernel.shift.command.ScheduleShiftCommand;
import com.deskledger.kernel.stock.command.ReceiveTransferCommand;
import com.deskledger.kernel.stock.command.SellStockCommand;
import com.deskledger.kernel.visit.command.LinkMemberCommand;
import com.deskledger.kernel.visit.command.StartVisitCommand;
import com.deskledger.query.web.ProjectionPositions;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commits out of order on purpose: one command is held after its append ({@link CommitHold}: its events have their
 * global indexes, its transaction is still open) while later commands commit, so every view's processor meets events
 * that fill gaps below events it has already handled. Afterwards each view must equal its rebuild from the event
 * store, row for row and event for event (the application's own view verification).
 * <p>
 * The stories are chosen for what used to depend on the order events arrive in: the audit log (keyed on the token's
 * position, it dropped every event that committed late), a visit claimed both by its own link and by another
 * member's enrolment (sales, member timelines), and a visit linked to a member while that member is erased
 * (reception, and the erasure of the visit's personal data).
 */
class OutOfOrderCommitsIT extends IntegrationTest {

    private static final ZoneId MAIN = ZoneId.of("Asia/Shanghai");

    @Autowired
    CommitHold hold;
    @Autowired
    ProjectionPositions positions;

    /** The global positions of the events that were held, so committed after events with higher positions. */
    private final List<Long> heldPositions = new ArrayList<>();

    private final ExecutorService requests = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopRequests() {
        requests.shutdownNow();
    }

    @Test
    void everyViewEqualsItsRebuildAfterCommitsLandedOutOfOrder() throws Exception {
        // visits: the first start commits after the second visit's start and registration
        CompletableFuture<Http.Response> visit = held(StartVisitCommand.class::isInstance,
                () -> post("reception", "/api/visits", "{\"centre\":\"main\",\"channel\":\"WALK_IN\","
                        + "\"purpose\":\"BOOKING\"}"));
        String second = ok(post("reception", "/api/visits", "{\"centre\":\"main\",\"channel\":\"CALL_IN\","
                + "\"purpose\":\"CONSULTATION\",\"rings\":2}")).get("id").asText();
        ok(post("reception", "/api/visits/" + second + "/registration", "{\"visitorName\":\"Sun Li\","
                + "\"phone\":\"13600001111\"}"));
        release(visit);

        // members, attendance, sales: a check-in commits after another member's enrolment, purchase and check-in
        String member = enrol("Out Of Order One", null, null);
        buyPack(member);
        CompletableFuture<Http.Response> checkIn = held(command -> command instanceof CheckInCommand c
                && c.memberId().value().equals(member), () -> post("reception", "/api/members/" + member
                + "/check-ins", session("OOO-1")));
        String other = enrol("Out Of Order Two", null, null);
        buyPack(other);
        ok(post("reception", "/api/members/" + other + "/check-ins", session("OOO-1")));
        release(checkIn);

        // sales, member timelines: a visit's own link to one member commits after another member's enrolment that
        // names the same visit (that member's link is then refused, the enrolment stays)
        String claimed = ok(post("reception", "/api/visits", "{\"centre\":\"main\",\"channel\":\"WALK_IN\","
                + "\"purpose\":\"ENROLMENT\"}")).get("id").asText();
        String linked = enrol("Out Of Order Three", null, null);
        CompletableFuture<Http.Response> link = held(command -> command instanceof LinkMemberCommand l
                && l.visitId().value().equals(claimed), () -> post("reception", "/api/visits/" + claimed + "/member",
                "{\"memberId\":\"" + linked + "\",\"conversion\":true}"));
        String correlation = "ooo-claim-" + UUID.randomUUID();
        CompletableFuture<Http.Response> claim = CompletableFuture.supplyAsync(() -> http.post("reception",
                "/api/members", enrolment("Out Of Order Four", claimed), Map.of("X-Correlation-Id", correlation)),
                requests);
        await("the second enrolment to commit", () -> stored(correlation) > 0);
        release(link);
        JsonNode claimedBy = ok(claim.get(30, TimeUnit.SECONDS));
        assertThat(claimedBy.get("visitLinked").asBoolean()).as("the visit was linked already").isFalse();

        // complaints: the first filing commits after a second complaint's filing and note
        CompletableFuture<Http.Response> complaint = held(FileComplaintCommand.class::isInstance,
                () -> post("reception", "/api/complaints", complaintBody("the door was locked")));
        String otherComplaint = ok(post("reception", "/api/complaints", complaintBody("no water")))
                .get("id").asText();
        ok(post("reception", "/api/complaints/" + otherComplaint + "/notes", "{\"text\":\"called the caretaker\"}"));
        release(complaint);

        // shifts: a shift scheduled first commits after one scheduled later
        ZonedDateTime start = ZonedDateTime.now(MAIN).truncatedTo(ChronoUnit.HOURS).plusDays(2);
        CompletableFuture<Http.Response> shift = held(ScheduleShiftCommand.class::isInstance,
                () -> post("supervisor", "/api/shifts", shiftBody("ooo-wang", start)));
        ok(post("supervisor", "/api/shifts", shiftBody("ooo-li", start)));
        release(shift);

        // stock and sales: a walk-in sale of one product commits after another product's delivery, walk-in sale and
        // gift, and a transfer's receipt commits after later movements of the sending product
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String toy = product("OOO-TOY-" + suffix);
        String book = product("OOO-BOOK-" + suffix);
        CompletableFuture<Http.Response> sale = held(command -> command instanceof SellStockCommand c
                && c.productId().value().equals(toy), () -> post("reception", "/api/products/walk-in-sales",
                walkIn("OOO-TOY-" + suffix, 1)));
        ok(post("reception", "/api/products/walk-in-sales", walkIn("OOO-BOOK-" + suffix, 2)));
        ok(post("reception", "/api/products/" + book + "/issues", "{\"quantity\":1,\"reason\":\"GIFT\"}"));
        release(sale);
        // (the stock tests' centres: their supervisor belongs to both)
        String cup = ok(post("stock-super", "/api/products", productBody("stock-a", "OOO-CUP-" + suffix)))
                .get("id").asText();
        ok(post("stock-super", "/api/products", productBody("stock-b", "OOO-CUP-" + suffix)));
        ok(post("stock-desk", "/api/products/" + cup + "/deliveries", "{\"quantity\":5,\"supplier\":\"OOO Ltd\","
                + "\"unitCost\":{\"minor\":1000}}"));
        String receipt = ok(post("stock-desk", "/api/products/" + cup + "/transfers",
                "{\"destination\":\"stock-b\",\"quantity\":2}")).get("receipt").asText();
        CompletableFuture<Http.Response> arrival = held(ReceiveTransferCommand.class::isInstance,
                () -> post("stock-desk-b", receipt, ""));
        ok(post("stock-desk", "/api/products/" + cup + "/issues", "{\"quantity\":1,\"reason\":\"DAMAGED\"}"));
        release(arrival);

        verifyEveryView();
    }

    @Test
    void aVisitLinkedWhileItsMemberIsErasedLosesItsPersonalDataAndEveryViewAgrees() throws Exception {
        String visit = ok(post("reception", "/api/visits", "{\"centre\":\"main\",\"channel\":\"WALK_IN\","
                + "\"purpose\":\"ENROLMENT\"}")).get("id").asText();
        ok(post("reception", "/api/visits/" + visit + "/registration", "{\"visitorName\":\"Zhou Min\","
                + "\"phone\":\"13500002222\"}"));
        String member = enrol("Zhou Min", null, null);

        CompletableFuture<Http.Response> link = held(command -> command instanceof LinkMemberCommand l
                && l.visitId().value().equals(visit), () -> post("reception", "/api/visits/" + visit + "/member",
                "{\"memberId\":\"" + member + "\",\"conversion\":false}"));
        CompletableFuture<Http.Response> erasure = CompletableFuture.supplyAsync(
                () -> http.post("manager", "/api/members/" + member + "/erasure", null), requests);
        // the erasure either commits at once or waits for the link's lock on the member's identity
        await("the erasure to commit or wait", () -> erasure.isDone() || erasureWaits());
        release(link);
        Http.Response erased = erasure.get(30, TimeUnit.SECONDS);
        assertThat(erased.status()).as(erased.text()).isEqualTo(200);

        assertThat(jdbc.queryForObject("select count(*) from personal_key where key_id = ?", Long.class,
                "visit:" + visit)).as("the linked visit's key is destroyed with the member's").isZero();
        verifyEveryView();
        assertThat(jdbc.queryForList("select visitor_name from reception_visit where visit_id = ?", String.class,
                visit)).as("no name left in the reception view").containsExactly((String) null);
    }

    @Test
    void aReplayCountsItsEventsAgainAndAViewShortOfAnEventIsReported() throws Exception {
        String member = enrol("Count Me", null, null);
        buyPack(member);
        ok(post("reception", "/api/members/" + member + "/check-ins", session("COUNT-1")));
        Http.Response replay = http.post("admin", "/api/admin/projections/attendance/replay", null);
        assertThat(replay.status()).as(replay.text()).isEqualTo(202);
        await("the replay to finish", () -> !ok(http.get("admin", "/api/admin/projections/attendance"))
                .get("replaying").asBoolean());
        JsonNode verdict = verify("attendance");
        assertThat(verdict.get("identical").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("events").get("seen").isNull()).as("counted since the replay").isFalse();
        assertThat(verdict.get("events").get("seen").asLong()).isPositive()
                .isEqualTo(verdict.get("events").get("stored").asLong());

        // as if the processor had stepped over one event without handling it (AxonFramework #4829): no row differs,
        // the count does
        jdbc.update("update view_event_count set events = events - 1 where processor_name = 'attendance' "
                + "and segment = (select min(segment) from view_event_count where processor_name = 'attendance')");
        try {
            JsonNode short1 = verify("attendance");
            assertThat(short1.get("identical").asBoolean()).as(short1.toString()).isFalse();
            assertThat(short1.get("events").get("equal").asBoolean()).isFalse();
            assertThat(short1.get("events").get("seen").asLong())
                    .isEqualTo(short1.get("events").get("stored").asLong() - 1);
        } finally {
            jdbc.update("update view_event_count set events = events + 1 where processor_name = 'attendance' "
                    + "and segment = (select min(segment) from view_event_count where processor_name = 'attendance')");
        }
    }

    @Test
    void everyConnectionCarriesTheSessionLimitsThatBoundALateCommit() {
        assertThat(jdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("1min");
        assertThat(jdbc.queryForObject("show idle_in_transaction_session_timeout", String.class)).isEqualTo("30s");
    }

    private JsonNode verify(String view) {
        long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        await(view + " to catch up", () -> positions.await(view, head));
        return ok(http.post("auditor", "/api/audit/views/" + view + "/verify", null));
    }

    private void verifyEveryView() {
        ViewVerification.everyViewIdentical(http, jdbc, positions, heldPositions);
    }

    /** Sends a request whose command is held after its append, and waits until it is. */
    private CompletableFuture<Http.Response> held(Predicate<Object> command, Supplier<Http.Response> request) {
        CommitHold.Hold armed = hold.next(command);
        CompletableFuture<Http.Response> response = CompletableFuture.supplyAsync(request, requests);
        armed.awaitHeld();
        holds.add(armed);
        return response;
    }

    private final List<CommitHold.Hold> holds = new ArrayList<>();

    private void release(CompletableFuture<Http.Response> response) throws Exception {
        holds.remove(0).release();
        heldPositions.add(ok(response.get(30, TimeUnit.SECONDS)).get("position").asLong());
    }

    private Http.Response post(String user, String path, String body) {
        return http.post(user, path, body);
    }

    private String enrol(String name, String visit, String correlation) {
        return ok(post("reception", "/api/members", enrolment(name, visit))).get("id").asText();
    }

    private static String enrolment(String name, String visit) {
        return "{\"centre\":\"main\",\"kind\":\"ADULT\",\"name\":\"" + name + "\",\"phone\":\"137"
                + (10_000_000 + (int) (Math.random() * 89_999_999)) + "\""
                + (visit == null ? "" : ",\"visitId\":\"" + visit + "\"") + "}";
    }

    /** A product of centre main with 5 delivered. */
    private String product(String code) {
        String id = ok(post("supervisor", "/api/products", productBody("main", code))).get("id").asText();
        ok(post("reception", "/api/products/" + id + "/deliveries", "{\"quantity\":5,\"supplier\":\"OOO Ltd\","
                + "\"unitCost\":{\"minor\":1000}}"));
        return id;
    }

    private static String productBody(String centre, String code) {
        return "{\"centre\":\"" + centre + "\",\"code\":\"" + code + "\",\"name\":\"Out of order\","
                + "\"category\":\"TOY\",\"use\":\"SOLD\",\"unitPrice\":{\"minor\":2500},\"reorderLevel\":1}";
    }

    private static String walkIn(String code, int quantity) {
        return "{\"centre\":\"main\",\"lines\":[{\"productCode\":\"" + code + "\",\"quantity\":" + quantity
                + "}],\"paymentMethod\":\"CASH\"}";
    }

    private void buyPack(String member) {
        ok(post("reception", "/api/members/" + member + "/packages", "{\"plan\":\"10 classes\",\"kind\":\"CREDIT_PACK\","
                + "\"credits\":10,\"price\":{\"minor\":150000},\"paymentMethod\":\"CASH\"}"));
    }

    private static String session(String classCode) {
        return "{\"classCode\":\"" + classCode + "\",\"scheduledStart\":\""
                + Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(3)) + "\",\"room\":\"B2\"}";
    }

    private static String complaintBody(String description) {
        return "{\"centre\":\"main\",\"channel\":\"WALK_IN\",\"category\":\"FACILITY\",\"severity\":\"GENERAL\","
                + "\"description\":\"" + description + "\",\"customer\":{\"name\":\"Wu Hao\"}}";
    }

    private static String shiftBody(String staff, ZonedDateTime start) {
        return "{\"centre\":\"main\",\"staff\":\"" + staff + "\",\"date\":\"" + start.toLocalDate()
                + "\",\"post\":\"reception-duty\",\"start\":\"" + start.toLocalTime() + "\",\"end\":\""
                + start.plusHours(3).toLocalTime() + "\"}";
    }

    private long stored(String correlation) {
        return jdbc.queryForObject("""
                select count(*) from domainevententry
                where convert_from(metadata, 'UTF8')::jsonb->>'correlationId' = ?""", Long.class, correlation);
    }

    private boolean erasureWaits() {
        return jdbc.queryForObject("""
                select count(*) from pg_stat_activity where datname = current_database()
                and wait_event_type = 'Lock' and query ilike '%member_identity%'""", Long.class) > 0;
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

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.text()).isBetween(200, 299);
        return response.json();
    }
}
