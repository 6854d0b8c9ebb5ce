package com.deskledger.infra.notice;

import com.deskledger.infra.DeskLedgerApplication;
import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery of the notice outbox to the machine's RabbitMQ (127.0.0.1:5672, guest/guest; skipped with the reason
 * when it does not answer). This test's own application (the shared one) has no broker configured, so what it
 * writes waits in the outbox; further applications started on the same database with the broker enabled deliver it:
 * the outbox survives the restart, a broker that does not answer only delays it, each notice arrives exactly once
 * with its idempotency key as message id, and concurrent claimers never send one row twice.
 */
class NoticeDeliveryIT extends IntegrationTest {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 5672;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String queue;
    private static Connection broker;
    private final Instant classStart = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
    private NoticeDesk desk;

    @BeforeAll
    static void brokerAnswers() throws Exception {
        Assumptions.assumeTrue(answers(), "RabbitMQ does not answer on " + HOST + ":" + PORT
                + ": the delivery of notices is not tested (start a broker there, guest/guest, to run it)");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        broker = factory.newConnection("notice-delivery-it");
        queue = "deskledger.notices.it-" + UUID.randomUUID();
    }

    @AfterAll
    static void deleteQueue() throws Exception {
        if (broker != null) {
            try (Channel channel = broker.createChannel()) {
                channel.queueDelete(queue);
            } finally {
                broker.close();
            }
        }
    }

    @BeforeEach
    void desk() {
        desk = new NoticeDesk(http);
    }

    @Test
    void theOutboxSurvivesARestartAndEachNoticeArrivesOnceWithItsKey() throws Exception {
        // written while no broker is configured: it waits
        String member = desk.enrolChild("Delivery Child One");
        desk.consent(member, "SMS", NoticeDesk.PHONE);
        desk.buyPack(member, 10);
        assertThat(desk.checkIn(member, "phonics-d1", classStart).status()).isEqualTo(200);
        String key = onlyKey(member);
        assertThat(status(key)).isEqualTo("PENDING");

        // an application whose broker does not answer: tried, backed off, still pending
        ConfigurableApplicationContext unreachable = node("node-unreachable", 1);
        try {
            await(() -> attempts(key) >= 2, "two failed attempts against a broker that does not answer");
            assertThat(status(key)).isEqualTo("PENDING");
            assertThat(jdbc.queryForObject("select last_error from notice_outbox where idempotency_key = ?",
                    String.class, key)).isEqualTo("BROKER_UNREACHABLE");
        } finally {
            unreachable.close();
        }

        // started again with the broker: sent, once
        ConfigurableApplicationContext node = node("node-deliver", PORT);
        try {
            await(() -> "SENT".equals(status(key)), "the notice to be sent after the restart");
            List<JsonNode> received = drain(Duration.ofSeconds(3));
            List<JsonNode> mine = withKey(received, key);
            assertThat(mine).as("messages with the notice's key").hasSize(1);
            JsonNode message = mine.get(0);
            assertThat(message.get("kind").asText()).isEqualTo("CHILD_CHECKED_IN");
            assertThat(message.get("template").asText()).isEqualTo("notice.child-checked-in");
            assertThat(message.get("channel").asText()).isEqualTo("SMS");
            assertThat(message.get("recipient").asText()).isEqualTo(NoticeDesk.PHONE);
            assertThat(message.get("memberId").asText()).isEqualTo(member);
            assertThat(message.get("params").get("classCode").asText()).isEqualTo("phonics-d1");
            assertThat(message.toString()).doesNotContain("Delivery Child").doesNotContain("Guardian of");

            // a check-in through the delivering application itself arrives too, once
            Http nodeHttp = new Http(port(node));
            NoticeDesk nodeDesk = new NoticeDesk(nodeHttp);
            String second = nodeDesk.enrolChild("Delivery Child Two");
            nodeDesk.consent(second, "WECHAT", "wx-delivery-two");
            nodeDesk.buyPack(second, 10);
            assertThat(nodeDesk.checkIn(second, "phonics-d2", classStart).status()).isEqualTo(200);
            String secondKey = onlyKey(second);
            await(() -> "SENT".equals(status(secondKey)), "the second notice to be sent");
            assertThat(withKey(drain(Duration.ofSeconds(3)), secondKey)).hasSize(1);
            // the story: a full class, a member waiting, a leave promotes them and the guardian is told
            String promoted = promotedFromTheWaitlist(nodeHttp);
            String promotionKey = jdbc.queryForObject("""
                    select idempotency_key from notice_outbox where member_id = ? and kind = 'PROMOTED_FROM_WAITLIST'""",
                    String.class, promoted);
            await(() -> "SENT".equals(status(promotionKey)), "the promotion's notice to be sent");
            List<JsonNode> promotion = withKey(drain(Duration.ofSeconds(3)), promotionKey);
            assertThat(promotion).hasSize(1);
            assertThat(promotion.get(0).get("kind").asText()).isEqualTo("PROMOTED_FROM_WAITLIST");
            assertThat(promotion.get(0).get("template").asText()).isEqualTo("notice.promoted-from-waitlist");
            assertThat(promotion.get(0).get("memberId").asText()).isEqualTo(promoted);

            // nothing is sent again later
            assertThat(withKey(drain(Duration.ofSeconds(3)), key)).isEmpty();

            JsonNode list = nodeHttp.get(NoticeDesk.MANAGER, "/api/notices?centre=mem-flow&status=SENT&limit=500")
                    .json();
            assertThat(list.get("brokerEnabled").asBoolean()).isTrue();
            assertThat(list.get("notices").toString()).contains(member).contains(second);
        } finally {
            node.close();
        }
    }

    @Test
    void concurrentClaimersNeverSendOneRowTwice() throws Exception {
        String member = desk.enrolChild("Delivery Child Many");
        desk.consent(member, "SMS", NoticeDesk.PHONE);
        desk.buyPack(member, 100);
        for (int i = 0; i < 24; i++) {
            assertThat(desk.checkIn(member, "many-" + i, classStart).status()).isEqualTo(200);
        }
        List<String> keys = jdbc.queryForList("select idempotency_key from notice_outbox where member_id = ?",
                String.class, member);
        assertThat(keys).hasSize(24);

        ConfigurableApplicationContext node = node("node-claimers", PORT);
        ExecutorService claimers = Executors.newFixedThreadPool(4);
        try {
            NoticeDispatcher dispatcher = node.getBean(NoticeDispatcher.class);
            List<CompletableFuture<Integer>> rounds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                rounds.add(CompletableFuture.supplyAsync(dispatcher::sendDue, claimers));
            }
            rounds.forEach(CompletableFuture::join);
            await(() -> keys.stream().allMatch(k -> "SENT".equals(status(k))), "every notice to be sent");
            List<JsonNode> received = drain(Duration.ofSeconds(3));
            for (String key : keys) {
                assertThat(withKey(received, key)).as("messages for " + key).hasSize(1);
            }
            assertThat(jdbc.queryForObject("""
                    select max(attempts) from notice_outbox where member_id = ?""", Integer.class, member))
                    .isEqualTo(1);
        } finally {
            claimers.shutdownNow();
            node.close();
        }
    }

    /** A one-place class booked by one member, a consenting second one waiting, and a leave: the second's id. */
    private static String promotedFromTheWaitlist(Http node) {
        Http.Response room = node.post("tt-super", "/api/timetable/rooms", "{\"name\":\"Delivery room "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"kind\":\"CLASSROOM\",\"capacity\":5}");
        assertThat(room.status()).as(room.text()).isEqualTo(201);
        Instant start = Instant.now().plus(Duration.ofDays(6)).truncatedTo(ChronoUnit.HOURS);
        Http.Response session = node.post("tt-super", "/api/timetable/sessions", "{\"kind\":\"CLASS\",\"title\":"
                + "\"Phonics D\",\"room\":\"" + room.json().get("id").asText() + "\",\"start\":\"" + start
                + "\",\"end\":\"" + start.plusSeconds(3000) + "\",\"places\":1,\"credits\":1}");
        assertThat(session.status()).as(session.text()).isEqualTo(201);
        String id = session.json().get("id").asText();
        String first = timetableMember(node);
        String waiting = timetableMember(node);
        for (String member : List.of(first, waiting)) {
            Http.Response booked = node.post("tt-desk", "/api/timetable/sessions/" + id + "/bookings",
                    "{\"memberId\":\"" + member + "\"}");
            assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        }
        Http.Response leave = node.post("tt-desk", "/api/timetable/sessions/" + id + "/leaves",
                "{\"memberId\":\"" + first + "\"}");
        assertThat(leave.status()).as(leave.text()).isEqualTo(200);
        return waiting;
    }

    private static String timetableMember(Http node) {
        String phone = "136" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
        Http.Response enrolled = node.post("tt-desk", "/api/members", "{\"kind\":\"ADULT\",\"name\":\"Waiting "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"phone\":\"" + phone + "\"}");
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        String id = enrolled.json().get("id").asText();
        assertThat(node.post("tt-desk", "/api/members/" + id + "/packages", "{\"plan\":\"classes\","
                + "\"kind\":\"CREDIT_PACK\",\"credits\":5,\"price\":{\"minor\":100000},\"paymentMethod\":\"CASH\"}")
                .status()).isEqualTo(201);
        assertThat(node.post("tt-desk", "/api/members/" + id + "/notice-consent",
                "{\"consented\":true,\"channel\":\"SMS\",\"address\":\"" + phone + "\"}").status()).isEqualTo(200);
        return id;
    }

    /** Another application on this test's database, delivering to the broker on the given port. */
    private static ConfigurableApplicationContext node(String owner, int brokerPort) {
        return new SpringApplicationBuilder(DeskLedgerApplication.class)
                .profiles("it")
                .run("--server.port=0", "--deskledger.test.token-owner=" + owner,
                        "--deskledger.notices.broker.enabled=true", "--deskledger.notices.broker.queue=" + queue,
                        "--deskledger.notices.broker.poll-interval=PT0.2S",
                        "--deskledger.notices.broker.retry-first=PT0.2S",
                        "--deskledger.notices.broker.retry-max=PT0.5S",
                        "--spring.rabbitmq.host=" + HOST, "--spring.rabbitmq.port=" + brokerPort);
    }

    private static int port(ConfigurableApplicationContext node) {
        return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** Every message on the queue until it has been empty for {@code quiet}. */
    private static List<JsonNode> drain(Duration quiet) throws IOException, InterruptedException {
        List<JsonNode> messages = new ArrayList<>();
        try (Channel channel = broker.createChannel()) {
            channel.queueDeclare(queue, true, false, false, null);
            long quietUntil = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < quietUntil) {
                GetResponse got = channel.basicGet(queue, true);
                if (got == null) {
                    Thread.sleep(100);
                    continue;
                }
                JsonNode body = JSON.readTree(new String(got.getBody(), StandardCharsets.UTF_8));
                assertThat(got.getProps().getMessageId()).as("message id").isEqualTo(body.get("idempotencyKey")
                        .asText());
                assertThat(got.getProps().getDeliveryMode()).as("persistent").isEqualTo(2);
                messages.add(body);
                quietUntil = System.nanoTime() + quiet.toNanos();
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(e);
        }
        return messages;
    }

    private static List<JsonNode> withKey(List<JsonNode> messages, String key) {
        return messages.stream().filter(m -> m.get("idempotencyKey").asText().equals(key)).toList();
    }

    private String onlyKey(String member) {
        List<String> keys = jdbc.queryForList("select idempotency_key from notice_outbox where member_id = ?",
                String.class, member);
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }

    private String status(String key) {
        return jdbc.queryForObject("select status from notice_outbox where idempotency_key = ?", String.class, key);
    }

    private int attempts(String key) {
        return jdbc.queryForObject("select attempts from notice_outbox where idempotency_key = ?", Integer.class,
                key);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
