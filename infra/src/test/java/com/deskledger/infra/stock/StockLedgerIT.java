package com.deskledger.infra.stock;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.infra.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.deskledger.infra.stock.StockDesk.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 as the desk tries it, through HTTP on real PostgreSQL: a delivery of 10 toys, a member's sale of 3, a
 * refund of 1, a gift of 1 and a stocktake counting 6 leave one shrinkage of 1, approved by a supervisor (the
 * {@code it} profile's approval limit is 30.00 and the toy cost 40.00); the 7th toy is refused with 422
 * {@code OUT_OF_STOCK} and stores nothing; concurrent sales of the last toy: one wins; a transfer reaches the other
 * centre. Centres {@code stock-a} and {@code stock-b}, used by no other test.
 */
class StockLedgerIT extends IntegrationTest {

    private static final String CENTRE = "stock-a";
    private static final String OTHER = "stock-b";

    private StockDesk desk;
    private StockDesk supervisor;

    @BeforeEach
    void desk() {
        desk = new StockDesk(http, "stock-desk");
        supervisor = desk.as("stock-super");
    }

    @Test
    void receiveSellRefundGiftAndCountLeaveOneApprovedShrinkage() {
        String toy = supervisor.addProduct(CENTRE, "toy-dino", "TOY", "SOLD", 8_800, 8);
        desk.deliver(toy, 10, 4_000);
        String member = desk.enrolAdult(CENTRE, "Wang Fang", "13900001111");

        Http.Response sale = desk.sell(member, "TOY-DINO", 3, 8_800);
        assertThat(sale.status()).as(sale.text()).isEqualTo(201);
        String purchase = sale.json().get("purchaseId").asText();
        JsonNode refund = desk.created("/api/members/" + member + "/refunds", json("purchaseId", purchase,
                "lines", List.of(Map.of("line", 1, "quantity", 1))));
        assertThat(refund.get("status").asText()).isEqualTo("REFUNDED");
        desk.issue(toy, 1, "GIFT");
        assertThat(desk.as("stock-audit").state(toy).get("onHand").asInt()).isEqualTo(7);

        JsonNode count = desk.count(toy, 6, "LOST");
        String stocktake = count.get("stocktakeId").asText();
        // 1 × 40.00 at cost is above the test limit of 30.00: the desk's count waits for a supervisor
        assertThat(desk.as("stock-audit").state(toy).get("onHand").asInt()).isEqualTo(7);
        Http.Response refused = http.post("stock-desk", "/api/products/" + toy + "/stocktakes/" + stocktake
                + "/approval", "");
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("APPROVAL_NEEDS_SUPERVISOR");
        supervisor.ok("/api/products/" + toy + "/stocktakes/" + stocktake + "/approval", "");
        assertThat(desk.as("stock-audit").state(toy).get("onHand").asInt()).isEqualTo(6);

        long events = eventCount();
        Http.Response seventh = desk.sell(member, "TOY-DINO", 7, 8_800);
        assertThat(seventh.status()).as(seventh.text()).isEqualTo(422);
        assertThat(seventh.json().get("code").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(seventh.json().get("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(eventCount()).as("nothing stored").isEqualTo(events);
        assertThat(desk.as("stock-audit").state(toy).get("onHand").asInt()).isEqualTo(6);

        // one shrinkage of 1 in the store, approved by the supervisor
        List<String> adjustments = jdbc.queryForList("""
                select convert_from(payload, 'UTF8') from domainevententry
                where aggregateidentifier = ? and payloadtype like '%StockAdjustedEvent'""", String.class, toy);
        assertThat(adjustments).hasSize(1);
        assertThat(adjustments.get(0)).contains("\"difference\":-1").contains("\"approvedBy\":\"stock-super\"");

        // the views: stock on hand at cost, the reorder list, who did what, the month's shrinkage
        desk.position = Math.max(desk.position, supervisor.position);
        JsonNode row = product(desk.view("/api/views/stock?centre=" + CENTRE), "TOY-DINO");
        assertThat(row.get("onHand").asInt()).isEqualTo(6);
        assertThat(row.get("averageCostMinor").asLong()).isEqualTo(4_000);
        assertThat(row.get("valueAtCostMinor").asLong()).isEqualTo(24_000);
        assertThat(row.get("belowReorderLevel").asBoolean()).isTrue();
        assertThat(product(desk.view("/api/views/stock/below-reorder-level?centre=" + CENTRE), "TOY-DINO"))
                .isNotNull();
        JsonNode movements = desk.view("/api/views/stock/products/" + toy + "/movements").get("movements");
        List<String> kinds = new ArrayList<>();
        movements.forEach(m -> kinds.add(m.get("kind").asText() + " " + m.get("quantity").asInt() + " "
                + m.get("actor").asText()));
        assertThat(kinds).containsExactly("DELIVERY 10 stock-desk", "SALE -3 stock-desk", "REFUND 1 stock-desk",
                "ISSUE -1 stock-desk", "ADJUSTMENT -1 stock-super");
        JsonNode shrinkage = desk.view("/api/views/stock/shrinkage?centre=" + CENTRE);
        assertThat(shrinkage.get("shrinkageUnits").asInt()).isEqualTo(1);
        assertThat(shrinkage.get("shrinkageValueMinor").asLong()).isEqualTo(4_000);
        JsonNode monthly = http.get("stock-manager", "/api/reports/monthly-assessment?centre=" + CENTRE).json();
        assertThat(monthly.get("stockShrinkage").get("shrinkageUnits").asInt()).isEqualTo(1);
        Http.Response csv = http.send("stock-desk", "GET", "/api/views/stock?centre=" + CENTRE,
                Map.of("Accept", "text/csv"), java.net.http.HttpRequest.BodyPublishers.noBody());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains("TOY-DINO,Product toy-dino,TOY,SOLD,true,6,0,0,8,true,8800,4000,24000,CNY");
        Http.Response sheet = http.send("stock-desk", "GET", "/api/views/stock/stocktake-sheet?centre=" + CENTRE,
                Map.of("Accept", "text/csv"), java.net.http.HttpRequest.BodyPublishers.noBody());
        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.text()).contains(toy + ",TOY-DINO,Product toy-dino,TOY,,");
        Http.Response state = http.get("stock-audit", "/api/audit/products/" + toy + "/state?at="
                + java.time.Instant.now().minusSeconds(3600));
        assertThat(state.status()).as("before its first event").isEqualTo(404);
    }

    private static JsonNode product(JsonNode stock, String code) {
        for (JsonNode row : stock.get("products")) {
            if (row.get("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError(code + " not in " + stock);
    }

    @Test
    void aRefundAManagerApprovesAfterSevenDaysPutsTheGoodsBack() {
        String kite = supervisor.addProduct(CENTRE, "toy-kite", "TOY", "SOLD", 6_000, 0);
        desk.deliver(kite, 4, 3_000);
        String member = desk.enrolAdult(CENTRE, "Li Na", "13900002222");
        Instant sold = Instant.now();
        try {
            TestClock.pin(sold);
            Http.Response sale = desk.sell(member, "TOY-KITE", 2, 6_000);
            assertThat(sale.status()).as(sale.text()).isEqualTo(201);
            TestClock.pin(sold.plus(Duration.ofDays(8)));
            JsonNode refund = desk.created("/api/members/" + member + "/refunds", json("purchaseId",
                    sale.json().get("purchaseId").asText(), "reason", "broken"));
            assertThat(refund.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
            assertThat(desk.as("stock-audit").state(kite).get("onHand").asInt()).as("not back yet").isEqualTo(2);
            desk.as("stock-manager").ok("/api/members/" + member + "/refunds/" + refund.get("refundId").asText()
                    + "/approval", "");
            assertThat(desk.as("stock-audit").state(kite).get("onHand").asInt()).isEqualTo(4);
        } finally {
            TestClock.unpin();
        }
    }

    @Test
    void aSaleTheMemberRefusesGivesItsStockBack() {
        String yoyo = supervisor.addProduct(CENTRE, "toy-yoyo", "TOY", "SOLD", 1_000, 0);
        desk.deliver(yoyo, 3, 400);
        String member = desk.enrolAdult(CENTRE, "Zhao Lei", "13900003333");
        desk.as("stock-manager").ok("/api/members/" + member + "/erasure", "");
        long events = eventCount(member);
        Http.Response refused = desk.sell(member, "TOY-YOYO", 1, 1_000);
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("MEMBER_ERASED");
        assertThat(eventCount(member)).isEqualTo(events);
        assertThat(desk.as("stock-audit").state(yoyo).get("onHand").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForObject("""
                select count(*) from domainevententry where aggregateidentifier = ?
                and payloadtype like '%StockSaleCancelledEvent'""", Long.class, yoyo)).isEqualTo(1);
    }

    @Test
    void aProductTakingBackOrdersOwesWhatItCannotHandOverAndTheNextDeliveryFillsItFirst() {
        String puzzle = supervisor.created("/api/products", json("centre", CENTRE, "code", "toy-puzzle", "name",
                "Puzzle", "category", "TOY", "use", "SOLD", "unitPrice", Map.of("minor", 4_500), "backOrders", true))
                .get("id").asText();
        desk.deliver(puzzle, 1, 2_000);
        Http.Response sale = desk.walkIn(CENTRE, "TOY-PUZZLE", 3, "CARD");
        assertThat(sale.status()).as(sale.text()).isEqualTo(201);
        desk.position = Math.max(desk.position, sale.json().get("position").asLong());
        JsonNode owed = product(desk.view("/api/views/stock?centre=" + CENTRE), "TOY-PUZZLE");
        assertThat(owed.get("onHand").asInt()).isZero();
        assertThat(owed.get("backOrdered").asInt()).isEqualTo(2);
        desk.deliver(puzzle, 5, 2_000);
        JsonNode filled = product(desk.view("/api/views/stock?centre=" + CENTRE), "TOY-PUZZLE");
        assertThat(filled.get("onHand").asInt()).isEqualTo(3);
        assertThat(filled.get("backOrdered").asInt()).isZero();
    }

    @Test
    void aSaleOfTwoProductsGivesBackTheFirstWhenTheSecondIsOutOfStock() {
        String car = supervisor.addProduct(CENTRE, "toy-car", "TOY", "SOLD", 5_000, 0);
        String book = supervisor.addProduct(CENTRE, "book-abc", "BOOK", "SOLD", 3_000, 0);
        desk.deliver(car, 2, 2_000);
        desk.deliver(book, 1, 1_000);
        Http.Response response = http.post("stock-desk", "/api/products/walk-in-sales", json("centre", CENTRE,
                "lines", List.of(Map.of("productCode", "TOY-CAR", "quantity", 2),
                        Map.of("productCode", "BOOK-ABC", "quantity", 2)), "paymentMethod", "CASH"));
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(response.json().get("field").asText()).isEqualTo("lines[1].quantity");
        assertThat(desk.as("stock-audit").state(car).get("onHand").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                select count(*) from domainevententry where aggregateidentifier = ?
                and payloadtype like '%StockSaleCancelledEvent'""", Long.class, car)).isEqualTo(1);
    }

    @Test
    void ofTwoConcurrentSalesOfTheLastUnitExactlyOneWins() throws Exception {
        String ball = supervisor.addProduct(CENTRE, "toy-ball", "TOY", "SOLD", 1_500, 0);
        int rounds = 6;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                desk.deliver(ball, 1, 500);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Http.Response>> both = new ArrayList<>();
                for (int client = 0; client < 2; client++) {
                    Callable<Http.Response> sale = () -> {
                        start.await();
                        return desk.walkIn(CENTRE, "TOY-BALL", 1, "ALIPAY");
                    };
                    both.add(pool.submit(sale));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Http.Response> answer : both) {
                    Http.Response response = answer.get();
                    statuses.add(response.status());
                    if (response.status() != 201) {
                        assertThat(response.status()).as(response.text()).isIn(409, 422);
                    }
                }
                assertThat(statuses).as("round %d", round).containsOnlyOnce(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(desk.as("stock-audit").state(ball).get("onHand").asInt()).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from domainevententry where aggregateidentifier = ?
                and payloadtype like '%StockSoldEvent'""", Long.class, ball)).isEqualTo(rounds);
        // the walk-in takings are in the day's revenue by payment method (no other test here pays by Alipay)
        long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        desk.position = head;
        JsonNode revenue = desk.view("/api/views/sales/revenue?centre=" + CENTRE + "&from=" + today + "&to=" + today
                + "&by=payment-method");
        long alipay = 0;
        for (JsonNode row : revenue.get("rows")) {
            if (row.get("key").asText().equals("ALIPAY")) {
                alipay = row.get("gross").get("minor").asLong();
            }
        }
        assertThat(alipay).isEqualTo(rounds * 1_500L);
    }

    @Test
    void aTransferLeavesOneCentreAndArrivesInTheOther() {
        String here = supervisor.addProduct(CENTRE, "cup-paper", "CONSUMABLE", "USED", 100, 50);
        String there = supervisor.addProduct(OTHER, "cup-paper", "CONSUMABLE", "USED", 100, 50);
        desk.deliver(here, 100, 20);
        JsonNode sent = desk.created("/api/products/" + here + "/transfers", json("destination", OTHER,
                "quantity", 40));
        assertThat(desk.as("stock-audit").state(here).get("onHand").asInt()).isEqualTo(60);
        assertThat(desk.as("stock-audit").state(there).get("onHand").asInt()).isZero();
        StockDesk viewer = desk.as("stock-super");
        viewer.position = sent.get("position").asLong();
        assertThat(product(viewer.view("/api/views/stock?centre=" + CENTRE), "CUP-PAPER").get("inTransitOut")
                .asInt()).isEqualTo(40);
        JsonNode received = desk.as("stock-desk-b").ok(sent.get("receipt").asText(), "");
        assertThat(received.get("productId").asText()).isEqualTo(there);
        viewer.position = received.get("position").asLong();
        JsonNode a = product(viewer.view("/api/views/stock?centre=" + CENTRE), "CUP-PAPER");
        JsonNode b = product(viewer.view("/api/views/stock?centre=" + OTHER), "CUP-PAPER");
        assertThat(a.get("onHand").asInt()).isEqualTo(60);
        assertThat(a.get("inTransitOut").asInt()).isZero();
        assertThat(b.get("onHand").asInt()).isEqualTo(40);
        assertThat(b.get("averageCostMinor").asLong()).isEqualTo(20);
        assertThat(desk.as("stock-audit").state(there).get("onHand").asInt()).isEqualTo(40);
        Http.Response twice = http.post("stock-desk-b", sent.get("receipt").asText(), "");
        assertThat(twice.status()).as(twice.text()).isEqualTo(409);
        Http.Response foreign = http.post("stock-desk-b", "/api/products/" + here + "/issues",
                json("quantity", 1, "reason", "CONSUMABLE_USED"));
        assertThat(foreign.status()).isEqualTo(403);
    }

    @Test
    void theStockViewEqualsItsRebuildFromTheEvents() {
        String pen = supervisor.addProduct(CENTRE, "pen-blue", "CONSUMABLE", "USED", 200, 5);
        desk.deliver(pen, 20, 100);
        desk.issue(pen, 3, "CONSUMABLE_USED");
        desk.count(pen, 16, "LOST");
        long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        desk.position = head;
        desk.view("/api/views/stock?centre=" + CENTRE);
        for (String view : List.of("stock", "sales")) {
            Http.Response verify = http.post("auditor", "/api/audit/views/" + view + "/verify", null);
            assertThat(verify.status()).as(verify.text()).isEqualTo(200);
            assertThat(verify.json().get("identical").asBoolean()).as(view + ": " + verify.text()).isTrue();
        }
    }

    @Test
    void aPurchaseRequestIsApprovedBySupervisorAndReceivedInPartsAndEveryMovementIsInTheAuditSearch()
            throws Exception {
        String soap = supervisor.addProduct(CENTRE, "soap-hand", "CONSUMABLE", "USED", 1_200, 4);
        String request = desk.created("/api/products/" + soap + "/purchase-requests", json("quantity", 10))
                .get("requestId").asText();
        String approval = "/api/products/" + soap + "/purchase-requests/" + request + "/approval";
        Http.Response byDesk = http.post("stock-desk", approval, "");
        assertThat(byDesk.status()).as(byDesk.text()).isEqualTo(403);
        Http.Response early = http.post("stock-desk", "/api/products/" + soap + "/deliveries", json("quantity", 6,
                "supplier", "Clean Co", "unitCost", Map.of("minor", 500), "requestId", request));
        assertThat(early.status()).as(early.text()).isEqualTo(422);
        assertThat(early.json().get("code").asText()).isEqualTo("PURCHASE_NOT_APPROVED");
        supervisor.ok(approval, "");
        desk.created("/api/products/" + soap + "/deliveries", json("quantity", 6, "supplier", "Clean Co",
                "unitCost", Map.of("minor", 500), "requestId", request));
        desk.position = Math.max(desk.position, supervisor.position);
        JsonNode open = openRequest(desk.view("/api/views/stock/requests?centre=" + CENTRE), request);
        assertThat(open.get("received").asInt()).isEqualTo(6);
        assertThat(open.get("approvedBy").asText()).isEqualTo("stock-super");
        Http.Response beyond = http.post("stock-desk", "/api/products/" + soap + "/deliveries", json("quantity", 5,
                "supplier", "Clean Co", "unitCost", Map.of("minor", 500), "requestId", request));
        assertThat(beyond.status()).as(beyond.text()).isEqualTo(422);
        assertThat(beyond.json().get("code").asText()).isEqualTo("DELIVERY_EXCEEDS_REQUEST");
        desk.created("/api/products/" + soap + "/deliveries", json("quantity", 4, "supplier", "Clean Co",
                "unitCost", Map.of("minor", 500), "requestId", request));
        assertThat(openRequest(desk.view("/api/views/stock/requests?centre=" + CENTRE), request)).isNull();
        assertThat(desk.as("stock-audit").state(soap).get("onHand").asInt()).isEqualTo(10);

        // every movement is an event of the audit search, with who did it
        long stored = eventCount(soap);
        JsonNode found = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            found = http.get("stock-audit", "/api/audit/events?aggregate=" + soap + "&size=50").json();
            if (found.get("items").size() == stored) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(found.get("items")).hasSize((int) stored);
        List<String> types = new ArrayList<>();
        found.get("items").forEach(e -> types.add(e.get("type").asText().replaceAll(".*\\.", "") + " "
                + e.get("actor").asText()));
        assertThat(types).contains("DeliveryReceivedEvent stock-desk", "PurchaseApprovedEvent stock-super");
    }

    private static JsonNode openRequest(JsonNode requests, String id) {
        for (JsonNode row : requests.get("requests")) {
            if (row.get("requestId").asText().equals(id)) {
                return row;
            }
        }
        return null;
    }

    @Test
    void refusesBadInputAndWrongRoles() {
        Http.Response desks = http.post("stock-desk", "/api/products", json("centre", CENTRE, "code", "X1",
                "name", "x", "category", "TOY", "use", "SOLD", "unitPrice", Map.of("minor", 1)));
        assertThat(desks.status()).isEqualTo(403);
        supervisor.addProduct(CENTRE, "dup-1", "GIFT", "USED", 0, 0);
        Http.Response twice = http.post("stock-super", "/api/products", json("centre", CENTRE, "code", "Dup-1",
                "name", "again", "category", "GIFT", "use", "USED", "unitPrice", Map.of("minor", 0)));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("PRODUCT_CODE_TAKEN");
        Http.Response badCode = http.post("stock-super", "/api/products", json("centre", CENTRE, "code", "a b",
                "name", "x", "category", "TOY", "use", "SOLD", "unitPrice", Map.of("minor", 1)));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.text()).contains("code");
        Http.Response unknown = http.post("stock-desk", "/api/products/00000000-0000-0000-0000-000000000000/issues",
                json("quantity", 1, "reason", "GIFT"));
        assertThat(unknown.status()).isEqualTo(404);
        Http.Response auditor = http.post("stock-audit", "/api/products/walk-in-sales", json("centre", CENTRE,
                "lines", List.of(Map.of("productCode", "DUP-1", "quantity", 1)), "paymentMethod", "CASH"));
        assertThat(auditor.status()).isEqualTo(403);
    }
}
