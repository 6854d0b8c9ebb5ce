package com.deskledger.infra.dashboard;

import com.deskledger.infra.support.IntegrationTest;
import org.junit.jupiter.api.Test;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser's side: login form, session, CSRF, the page, reads of the API with the session, live notices. */
class DashboardIT extends IntegrationTest {

    /** A browser: keeps cookies, does not follow redirects. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> form(String path, String body) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String csrfHeader) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
            if (csrfHeader != null) {
                request.header("X-XSRF-TOKEN", csrfHeader);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postJson(String path, String json) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", csrf()).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no CSRF cookie"));
        }

        HttpResponse<String> login(String user, String password) throws Exception {
            assertThat(get("/login").statusCode()).isEqualTo(200);
            return form("/login", "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf()));
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void anonymousBrowsersAreSentToTheLoginPageWhichIsServedWithACsrfCookie() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> root = browser.get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<form method=\"post\" action=\"/login\"", "name=\"_csrf\"");
        assertThat(browser.csrf()).isNotBlank();
        assertThat(browser.get("/app/me").statusCode()).isEqualTo(302);
    }

    @Test
    void loginWithoutTheCsrfTokenIsRefused() throws Exception {
        Browser browser = new Browser();
        browser.get("/login");
        HttpResponse<String> response = browser.form("/login", "username=dash-manager&password=dash-manager");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPage() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> response = browser.login("dash-manager", "wrong");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aManagerLogsInSeesThePageReadsTheViewsWithTheSessionAndLogsOut() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.login("dash-manager", "dash-manager");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");

        HttpResponse<String> page = browser.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/assets/app.js", "chart.umd.min.js");
        assertThat(browser.get("/assets/vendor/chartjs/chart.umd.min.js").statusCode()).isEqualTo(200);
        HttpResponse<String> me = browser.get("/app/me");
        assertThat(me.body()).contains("\"user\":\"dash-manager\"", "\"MANAGER\"", "\"id\":\"dash\"",
                "\"id\":\"dash-two\"");

        HttpResponse<String> view = browser.get("/api/views/reception?centre=dash&date=2026-11-25");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("\"centre\":\"dash\"");
        // the session reads; it never writes, even with the CSRF token
        HttpResponse<String> write = browser.postJson("/api/visits",
                "{\"centre\":\"dash\",\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}");
        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(write.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        HttpResponse<String> noToken = browser.form("/logout", "");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        HttpResponse<String> logout = browser.form("/logout", "_csrf=" + enc(browser.csrf()));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/views/reception?centre=dash&date=2026-11-25").statusCode()).isEqualTo(401);
    }

    @Test
    void theApiStillAnswersAnonymousCallsWith401ProblemJson() {
        var response = http.get(null, "/api/views/reception?centre=dash");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theStreamSaysWhenACommandChangedTheCentreWithoutPersonalData() throws Exception {
        Browser browser = new Browser();
        browser.login("dash-manager", "dash-manager");
        HttpResponse<InputStream> stream = browser.client.send(HttpRequest.newBuilder(browser.uri("/app/events"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                StandardCharsets.UTF_8))) {
            assertThat(nextEvent(lines)).startsWith("hello");
            var created = http.post("dash-desk", "/api/visits",
                    "{\"centre\":\"dash\",\"channel\":\"CALL_IN\",\"purpose\":\"OTHER\",\"rings\":2}");
            assertThat(created.status()).isEqualTo(201);
            long position = created.json().get("position").asLong();
            var registered = http.post("dash-desk", "/api/visits/" + created.json().get("id").asText()
                    + "/registration", "{\"visitorName\":\"Wang Fang\",\"phone\":\"13812345678\"}");
            assertThat(registered.status()).isEqualTo(200);
            String notice = nextEvent(lines);
            assertThat(notice).startsWith("changed").contains("\"centres\":[\"dash\"]");
            assertThat(Long.parseLong(notice.replaceAll(".*\"position\":(\\d+).*", "$1")))
                    .isGreaterThanOrEqualTo(position);
            String second = nextEvent(lines);
            assertThat(second).startsWith("changed").doesNotContain("Wang", "138");
        }
    }

    @Test
    void anAdminReplaysAProjectionWithTheSessionAndTheCsrfTokenAndWithNothingLess() throws Exception {
        String replay = "/api/admin/projections/audit-log/replay";
        Browser admin = new Browser();
        assertThat(admin.login("admin", "admin").statusCode()).isEqualTo(302);
        // the page, loaded after the login, brings the session's new CSRF token
        assertThat(admin.get("/").statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/admin/projections").statusCode()).isEqualTo(200);

        HttpResponse<String> withoutToken = admin.post(replay, null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("\"code\":\"CSRF_TOKEN_INVALID\"");
        HttpResponse<String> wrongToken = admin.post(replay, "not-the-token");
        assertThat(wrongToken.statusCode()).isEqualTo(403);

        HttpResponse<String> accepted = admin.post(replay, admin.csrf());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location").orElseThrow())
                .isEqualTo("/api/admin/projections/audit-log");
        assertThat(accepted.body()).contains("\"name\":\"audit-log\"");
        awaitCaughtUp(admin, "audit-log");

        Browser manager = new Browser();
        manager.login("dash-manager", "dash-manager");
        manager.get("/");
        HttpResponse<String> refused = manager.post(replay, manager.csrf());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"code\":\"FORBIDDEN_ROLE\"");
        assertThat(manager.get("/api/admin/projections").statusCode()).isEqualTo(403);

        Browser stranger = new Browser();
        stranger.get("/login");
        assertThat(stranger.post(replay, stranger.csrf()).statusCode()).isEqualTo(401);
        // the session still writes nothing else, even with the token
        assertThat(admin.postJson("/api/visits", "{\"centre\":\"main\",\"channel\":\"WALK_IN\","
                + "\"purpose\":\"OTHER\"}").statusCode()).isEqualTo(401);
        // and an API client with its own credentials needs no CSRF token
        assertThat(http.post("auditor", replay, null).status()).isEqualTo(403);
    }

    @Test
    void aManagerDownloadsTheReportsAsCsvThroughALinkWithTheSession() throws Exception {
        Browser browser = new Browser();
        browser.login("dash-manager", "dash-manager");
        HttpResponse<String> weekly = browser.get("/api/reports/weekly?centre=dash&week=2026-W48&format=csv");
        assertThat(weekly.statusCode()).isEqualTo(200);
        assertThat(weekly.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(weekly.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "weekly-dash-2026-W48.csv");
        assertThat(weekly.body()).contains("centre,week,figure,value\r\n", "\r\ndash,2026-W48,visits,");
        HttpResponse<String> monthly = browser.get("/api/reports/monthly-assessment?centre=dash&month=2026-11"
                + "&format=csv");
        assertThat(monthly.statusCode()).isEqualTo(200);
        assertThat(monthly.body()).contains("centre,month,staff,");
        assertThat(browser.get("/api/reports/weekly?centre=dash&week=2026-W48").body()).contains("\"week\":\"2026-W48\"");

        Browser desk = new Browser();
        desk.login("dash-desk", "dash-desk");
        assertThat(desk.get("/api/reports/weekly?centre=dash&format=csv").statusCode()).isEqualTo(403);
    }

    @Test
    void theStreamBeatsWhileNothingHappens() throws Exception {
        Browser browser = new Browser();
        browser.login("dash-manager", "dash-manager");
        HttpResponse<InputStream> stream = browser.client.send(HttpRequest.newBuilder(browser.uri("/app/events"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                StandardCharsets.UTF_8))) {
            String comment = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith(":")) {
                            return line;
                        }
                    }
                    throw new AssertionError("stream ended");
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }).get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(comment).isEqualTo(":heartbeat");
        }
    }

    private void awaitCaughtUp(Browser admin, String projection) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            String status = admin.get("/api/admin/projections/" + projection).body();
            if (status.contains("\"replaying\":false") && status.contains("\"running\":true")) {
                return;
            }
            assertThat(System.nanoTime()).as("replay of " + projection + " still running").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The next event of the stream as "name data", read on another thread so a silent stream fails the test. */
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
        }).get(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
    }
}
