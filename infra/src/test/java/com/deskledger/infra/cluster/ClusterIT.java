package com.deskledger.infra.cluster;

import com.deskledger.infra.DeskLedgerApplication;
import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.infra.support.ViewVerification;
import com.deskledger.query.web.ProjectionPositions;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database (README "Several nodes"): this test's shared application (node A) and a
 * second application context started here on another random port (node B), configured for eight segments where
 * the views have four: B splits each view's segments while both nodes run. Each view's segments are shared
 * between them; a command on A is seen by a {@code ?position=} read on B (the token is shared, and A's NOTIFY wakes
 * B's processors); a replay asked on B is carried out once, by both; node B stopped, A takes over its segments
 * within the stated bound. Times are printed, to be read against README's figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT extends IntegrationTest {

    private static ConfigurableApplicationContext nodeB;
    private static int portB;
    private static boolean startedOnce;

    @Autowired
    ProjectionPositions positions;
    @Value("${deskledger.node.id}")
    String nodeA;

    /**
     * Started once node A's views have their tokens (with A's four segments), so that B meets views with fewer
     * segments than it is configured for; JUnit's {@code @BeforeAll} would run before A's context exists.
     */
    @BeforeEach
    void startSecondNode() {
        if (nodeB != null || startedOnce) {
            return;
        }
        startedOnce = true;
        await("A's views to have their tokens", Duration.ofSeconds(60), () -> jdbc.queryForObject(
                "select count(distinct processorname) from tokenentry", Integer.class) >= 7);
        nodeB = new SpringApplicationBuilder(DeskLedgerApplication.class)
                .profiles("it")
                .run("--server.port=0", "--deskledger.node.id=node-b",
                        // B wants more segments than the views have: it splits them, live, while both nodes run
                        "--deskledger.processors.initial-segments=8", "--deskledger.cluster.split-interval=PT0.5S");
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
    void theNodesShareEveryViewsSegments() {
        Http b = new Http(portB);
        await("every view split to 8 segments, both nodes holding some of each", Duration.ofSeconds(90), () -> {
            Map<String, Map<String, Integer>> owners = owners(http);
            return !owners.isEmpty() && owners.values().stream()
                    .allMatch(byNode -> byNode.values().stream().mapToInt(Integer::intValue).sum() == 8
                            && byNode.getOrDefault(nodeA, 0) > 0 && byNode.getOrDefault("node-b", 0) > 0);
        });
        int live = liveNodes(http).size();
        Map<String, Map<String, Integer>> owners = owners(http);
        for (Map.Entry<String, Map<String, Integer>> view : owners.entrySet()) {
            int segments = view.getValue().values().stream().mapToInt(Integer::intValue).sum();
            int most = (segments + live - 1) / live;
            assertThat(view.getValue().values()).as(view.getKey() + ": no node above its share")
                    .allMatch(held -> held <= most);
        }
        // both nodes show the same picture: it is read from the shared token table (segments may still be moving
        // between the two reads, so they are read until two reads agree)
        await("both nodes show the same owners", Duration.ofSeconds(30), () -> owners(b).equals(owners(http)));
        assertThat(liveNodes(b)).contains(nodeA, "node-b");
        Http.Response nodes = b.get("admin", "/api/admin/nodes");
        assertThat(nodes.status()).as(nodes.text()).isEqualTo(200);
        boolean bIsSelf = false;
        for (JsonNode node : nodes.json()) {
            if (node.get("id").asText().equals("node-b")) {
                bIsSelf = node.get("self").asBoolean();
            }
        }
        assertThat(bIsSelf).as("node B names itself").isTrue();
        assertThat(b.get("reception", "/api/admin/nodes").status()).as("ADMIN only").isEqualTo(403);
    }

    @Test
    @Order(2)
    void aCommandOnOneNodeIsSeenByAPositionReadOnTheOther() {
        Http b = new Http(portB);
        // a first read on B, neither timed nor judged: its first request of this kind loads classes and fills caches
        Http.Response first = http.post("reception", "/api/visits", "{\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        b.get("reception", "/api/views/reception/visits?position=" + first.json().get("position").asLong());
        List<Long> onB = new ArrayList<>();
        List<Long> onA = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            // alternately read on the other node and, for comparison, on the same node
            boolean other = i % 2 == 0;
            Http.Response started = http.post("reception", "/api/visits",
                    "{\"channel\":\"WALK_IN\",\"purpose\":\"CONSULTATION\"}");
            assertThat(started.status()).as(started.text()).isEqualTo(201);
            long position = started.json().get("position").asLong();
            String visit = started.json().get("id").asText();
            long begin = System.nanoTime();
            Http.Response read = (other ? b : http).get("reception", "/api/views/reception/visits?position="
                    + position + "&size=200");
            (other ? onB : onA).add((System.nanoTime() - begin) / 1_000_000);
            assertThat(read.status()).as(read.text()).isEqualTo(200);
            assertThat(read.header("X-DeskLedger-Consistent")).as("the view held A's event " + position)
                    .isEqualTo("true");
            assertThat(read.text()).as("the view shows A's visit").contains(visit);
        }
        long p99 = report("command on A, ?position= read on B", onB);
        report("command on A, ?position= read on A", onA);
        assertThat(p99).as("p99 of A's command seen on B (ms)").isLessThan(2_000);
    }

    @Test
    @Order(3)
    void aDashboardOpenOnOneNodeHearsOfACommandOnTheOther() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String onB = "http://localhost:" + portB;
        browser.send(HttpRequest.newBuilder(URI.create(onB + "/login")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(URI.create(onB + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=dash-manager&password=dash-manager&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(302);
        HttpResponse<InputStream> stream = browser.send(HttpRequest.newBuilder(URI.create(onB + "/app/events"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(nextEvent(lines)).startsWith("hello");
            long begin = System.nanoTime();
            Http.Response created = http.post("dash-desk", "/api/visits",
                    "{\"centre\":\"dash\",\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String notice = nextEvent(lines);
            System.out.printf("ClusterIT: a page open on B heard of A's command %d ms after it was sent%n",
                    (System.nanoTime() - begin) / 1_000_000);
            assertThat(notice).startsWith("changed").contains("\"centres\":[\"dash\"]");
            assertThat(Long.parseLong(notice.replaceAll(".*\"position\":(\\d+).*", "$1")))
                    .isGreaterThanOrEqualTo(created.json().get("position").asLong());
        }
    }

    @Test
    @Order(4)
    void aReplayAskedOnOneNodeIsCarriedOutOnceByBoth() {
        Http b = new Http(portB);
        Http.Response replay = b.post("admin", "/api/admin/projections/reception/replay", null);
        assertThat(replay.status()).as(replay.text()).isEqualTo(202);
        // every segment was reset in one place: each token is a replay token (A sees it as well as B)
        Http.Response again = http.post("admin", "/api/admin/projections/reception/replay", null);
        assertThat(again.status()).as("a second replay while the first runs: " + again.text()).isIn(202, 409);
        await("the replay to finish, seen from A", Duration.ofSeconds(60), () -> {
            JsonNode status = http.get("admin", "/api/admin/projections/reception").json();
            return !status.get("replaying").asBoolean() && status.get("lag").asLong() == 0;
        });
        await("both nodes to process the replayed view", Duration.ofSeconds(30), () -> {
            Map<String, Integer> byNode = owners(http).get("reception");
            return byNode.getOrDefault(nodeA, 0) > 0 && byNode.getOrDefault("node-b", 0) > 0;
        });
        // the verification pauses the view on both nodes too, and finds it equal to its rebuild
        long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        assertThat(positions.await("reception", head)).isTrue();
        Http.Response verify = b.post("auditor", "/api/audit/views/reception/verify", null);
        assertThat(verify.status()).as(verify.text()).isEqualTo(200);
        assertThat(verify.json().get("identical").asBoolean()).as(verify.text()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from projection_pause", Long.class))
                .as("no pause left behind").isZero();
    }

    @Test
    @Order(5)
    void aStoppedNodesSegmentsAreTakenOver() {
        long begin = System.nanoTime();
        nodeB.close();
        nodeB = null;
        await("A to hold every segment B held", Duration.ofSeconds(30), () -> owners(http).values().stream()
                .allMatch(byNode -> !byNode.containsKey("node-b") && !byNode.containsKey(null)));
        long millis = (System.nanoTime() - begin) / 1_000_000;
        System.out.printf("ClusterIT: node B stopped, its segments taken over in %d ms%n", millis);
        assertThat(liveNodes(http)).doesNotContain("node-b");
        ViewVerification.everyViewIdentical(http, jdbc, positions, List.of());
    }

    /** The next event of a server-sent stream other than a heartbeat: its name and data. */
    private static String nextEvent(BufferedReader lines) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                String name = null;
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:") && "heartbeat".equals(name)) {
                        name = null;
                    } else if (line.startsWith("data:") && name != null) {
                        return name + " " + line.substring(5).trim();
                    }
                }
                throw new AssertionError("stream ended");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).get(20, TimeUnit.SECONDS);
    }

    private static long report(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        long p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
        System.out.printf("ClusterIT: %s: median %d ms, p99 %d ms, max %d ms (%s)%n", what, median, p99,
                sorted.get(sorted.size() - 1), sorted);
        return p99;
    }

    /** Per streaming view: how many segments each node holds (null: unclaimed), from the admin API. */
    private static Map<String, Map<String, Integer>> owners(Http node) {
        Http.Response list = node.get("admin", "/api/admin/projections");
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        Map<String, Map<String, Integer>> owners = new HashMap<>();
        for (JsonNode processor : list.json()) {
            if (!processor.get("kind").asText().equals("streaming")) {
                continue;
            }
            Map<String, Integer> byNode = new HashMap<>();
            for (JsonNode segment : processor.get("segments")) {
                JsonNode owner = segment.path("owner");
                String holder = owner.isMissingNode() || owner.isNull() ? null : owner.asText();
                byNode.merge(holder, 1, Integer::sum);
            }
            owners.put(processor.get("name").asText(), byNode);
        }
        return owners;
    }

    private static Set<String> liveNodes(Http node) {
        Set<String> live = new TreeSet<>();
        for (JsonNode each : node.get("admin", "/api/admin/nodes").json()) {
            if (each.get("live").asBoolean()) {
                live.add(each.get("id").asText());
            }
        }
        return live;
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
