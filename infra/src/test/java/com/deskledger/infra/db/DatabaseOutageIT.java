package com.deskledger.infra.db;

import com.deskledger.infra.DeskLedgerApplication;
import com.deskledger.infra.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database outage as clients live it: the application runs on a PostgreSQL of this test's own (never the
 * machine's server), which the test stops and starts again. While it is down, commands and queries answer 503
 * {@code DATABASE_UNAVAILABLE} with {@code Retry-After} within 3 s, health says DOWN within 2 s, and open dashboard
 * streams keep their heartbeat; once it is back, health says UP within 2 s, commands work and the views catch up
 * by themselves.
 */
@ExtendWith(DatabaseOutageIT.StopDatabaseLast.class) // before Spring's extension, so its afterAll runs after it
// a URL before the environment is post-processed, or DatabaseEnvironmentPostProcessor starts an embedded database
// in ./data (the dynamic property below, which replaces it, is added only later)
@SpringBootTest(classes = DeskLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:postgresql://localhost/replaced-by-ownDatabase")
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageIT {

    // The targets are 3 s and 2 s (README, "Database outages"), measured on a quiet machine by ./resilience/run and
    // printed here; the test itself asserts a bound that a loaded CI machine also keeps, so it fails on a hang (the
    // old 30 s pool wait, the old ~10 s health check) and not on a busy scheduler.
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(6);
    private static final Duration HEALTH_BOUND = Duration.ofSeconds(5);
    private static final String VISIT = "{\"channel\":\"WALK_IN\",\"purpose\":\"CONSULTATION\"}";

    private static Path dir;
    private static EmbeddedDatabase database;
    private static int databasePort;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        dir = Files.createTempDirectory("deskledger-outage-");
        database = EmbeddedDatabase.open(dir, 0);
        databasePort = database.port();
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", () -> EmbeddedDatabase.USER);
        registry.add("spring.datasource.password", () -> "");
    }

    /** Stops this test's PostgreSQL once the application context is closed (the context is dirtied). */
    static final class StopDatabaseLast implements AfterAllCallback {

        @Override
        public void afterAll(ExtensionContext extension) throws IOException {
            if (database != null) {
                database.close();
            }
            if (dir != null) {
                FileSystemUtils.deleteRecursively(dir);
            }
        }
    }

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        Http http = new Http(port);
        Http.Response before = http.post("reception", "/api/visits", VISIT);
        assertThat(before.status()).isEqualTo(201);
        String visit = before.json().get("id").asText();
        assertThat(untilConsistent(http, before.json().get("position").asLong(), Duration.ofSeconds(30))).isTrue();

        Browser browser = new Browser();
        assertThat(browser.login("manager", "manager").statusCode()).isEqualTo(302);
        HttpResponse<InputStream> stream = browser.events();
        assertThat(stream.statusCode()).isEqualTo(200);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(nextEvent(events)).startsWith("hello");

            database.close(); // pg_ctl stop -m fast: ends every session, returns once the server is gone
            long stopped = System.nanoTime();

            // health: DOWN within 2 s of the server's end
            long downAt = until(() -> http.get(null, "/actuator/health").status() == 503, Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(downAt - stopped)).isLessThanOrEqualTo(HEALTH_BOUND);
            assertThat(http.get(null, "/actuator/health").json().get("status").asText()).isEqualTo("DOWN");

            // commands and queries: 503 problem+json with Retry-After, each within 3 s
            assertUnavailable(() -> http.post("reception", "/api/visits", VISIT));
            assertUnavailable(() -> http.post("reception", "/api/visits/" + visit + "/messages",
                    "{\"recipient\":\"Teacher Li\",\"callbackNumber\":\"13812345678\",\"content\":\"call back\"}"));
            assertUnavailable(() -> http.get("reception", "/api/views/reception/visits"));
            assertUnavailable(() -> http.get("reception", "/api/views/reception?position=999999"));
            assertUnavailable(() -> http.get("auditor", "/api/audit/visits/" + visit + "/events"));
            // a user's first login during the outage: signing in needs no database, so 503 rather than 401 or 500
            assertUnavailable(() -> http.get("supervisor", "/api/views/reception/visits"));

            // a new dashboard stream is refused the same way (the page tries again); an open one keeps beating
            long t = System.nanoTime();
            HttpResponse<String> refused = browser.client.send(browser.request("/app/events")
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThanOrEqualTo(ANSWER_BOUND);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            Future<String> beat = reader.submit(() -> nextEvent(events));
            assertThat(beat.get(5, TimeUnit.SECONDS)).startsWith("heartbeat");

            // the database returns on the same port with the same data
            long restarted = System.nanoTime();
            database = EmbeddedDatabase.open(dir, databasePort);
            long upAt = until(() -> http.get(null, "/actuator/health").status() == 200, Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(upAt - restarted)).isLessThanOrEqualTo(HEALTH_BOUND);

            // commands work again (until then they answer 503, never 500), and the views catch up by themselves
            List<Integer> statuses = new ArrayList<>();
            Http.Response after = null;
            while (System.nanoTime() - restarted < Duration.ofSeconds(30).toNanos()) {
                after = http.post("reception", "/api/visits", VISIT);
                statuses.add(after.status());
                if (after.status() == 201) {
                    break;
                }
                Thread.sleep(200);
            }
            long commandAt = System.nanoTime();
            assertThat(statuses).last().isEqualTo(201);
            assertThat(statuses).allMatch(s -> s == 201 || s == 503);
            assertThat(untilConsistent(http, after.json().get("position").asLong(), Duration.ofSeconds(120)))
                    .as("the reception view catches up").isTrue();
            long viewAt = System.nanoTime();
            JsonNode visits = http.get("reception", "/api/views/reception/visits").json();
            assertThat(visits.toString()).contains(visit, after.json().get("id").asText());
            System.out.printf("outage: health DOWN %d ms after the stop, UP %d ms after the start; first command "
                            + "stored %d ms and the view caught up %d ms after the start%n",
                    millis(downAt - stopped), millis(upAt - restarted), millis(commandAt - restarted),
                    millis(viewAt - restarted));
        } finally {
            reader.shutdownNow();
        }
    }

    /**
     * kill -9 of the postmaster (its backends follow it, and new connections are refused): the same 503s and health
     * DOWN within 2 s (Spring Boot's own indicator took ~10 s here), and PostgreSQL's crash recovery at the next start.
     */
    @Test
    void aKilledPostmasterIsAnOutageTooAndRecovers() throws Exception {
        Http http = new Http(port);
        // the pool may still be reconnecting after the other test's outage: wait for a stored command first
        until(() -> http.post("reception", "/api/visits", VISIT).status() == 201, Duration.ofSeconds(30));
        ProcessHandle postmaster = ProcessHandle.of(EmbeddedDatabase.Postmaster.read(dir.resolve("postgres"))
                .orElseThrow().pid()).orElseThrow();

        long killed = System.nanoTime();
        postmaster.destroyForcibly();
        long downAt = until(() -> http.get(null, "/actuator/health").status() == 503, Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(downAt - killed)).isLessThanOrEqualTo(HEALTH_BOUND);
        assertUnavailable(() -> http.post("reception", "/api/visits", VISIT));
        assertUnavailable(() -> http.get("reception", "/api/views/reception/visits"));

        postmaster.onExit().get(10, TimeUnit.SECONDS);
        database.close(); // gives up the data directory (zonky's pg_ctl stop finds no server)
        long restarted = System.nanoTime();
        database = startAgain();
        until(() -> http.get(null, "/actuator/health").status() == 200, Duration.ofSeconds(10));
        Http.Response after = null;
        while (System.nanoTime() - restarted < Duration.ofSeconds(30).toNanos()) {
            after = http.post("reception", "/api/visits", VISIT);
            assertThat(after.status()).as(after.text()).isIn(201, 503);
            if (after.status() == 201) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(after.status()).isEqualTo(201);
        assertThat(untilConsistent(http, after.json().get("position").asLong(), Duration.ofSeconds(120))).isTrue();
        System.out.printf("postmaster killed: health DOWN %d ms after the kill; view caught up %d ms after the "
                + "start%n", millis(downAt - killed), millis(System.nanoTime() - restarted));
    }

    /** The killed server's backends may hold its shared memory for a moment: PostgreSQL refuses to start until then. */
    private static EmbeddedDatabase startAgain() throws InterruptedException {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return EmbeddedDatabase.open(dir, databasePort);
            } catch (RuntimeException e) {
                last = e;
                Thread.sleep(500);
            }
        }
        throw last;
    }

    private static void assertUnavailable(Supplier<Http.Response> request) {
        long start = System.nanoTime();
        Http.Response response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.status()).as(response.text()).isEqualTo(503);
        assertThat(took).isLessThanOrEqualTo(ANSWER_BOUND);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.text()).doesNotContain("Exception", "postgres");
    }

    /** Waits for the reception view to hold a position: the header says so once the view has it. */
    private static boolean untilConsistent(Http http, long position, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Http.Response view = http.get("reception", "/api/views/reception/visits?position=" + position);
            assertThat(view.status()).as(view.text()).isIn(200, 503);
            if (view.status() == 200 && "true".equals(view.header("X-DeskLedger-Consistent"))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Polls until the condition holds; the moment it did. */
    private static long until(Supplier<Boolean> condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within);
            }
            Thread.sleep(20);
        }
        return System.nanoTime();
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** The next server-sent event: its name and data on one line. */
    private static String nextEvent(BufferedReader lines) throws IOException {
        String name = null;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:") && name != null) {
                return name + " " + line.substring(5).trim();
            }
        }
        throw new AssertionError("the stream ended");
    }

    /** The dashboard's browser: a session from the login form, with its CSRF token. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        }

        HttpResponse<String> login(String user, String password) throws Exception {
            client.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString());
            String csrf = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
                    .orElseThrow();
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
            return client.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<InputStream> events() throws Exception {
            return client.send(request("/app/events").header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
