package com.deskledger.infra.dashboard;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser: Debian's headless Chromium driven by Selenium through Debian's chromedriver,
 * against this test's application and its PostgreSQL. Everything the page shows was made here through the API, at
 * centre {@code browser} (of these tests only). Skipped, saying why, on a machine without Chromium or chromedriver
 * ({@code apt-get install chromium chromium-driver}); {@code DESKLEDGER_CHROMIUM} / {@code DESKLEDGER_CHROMEDRIVER}
 * (or the system properties {@code deskledger.chromium} / {@code deskledger.chromedriver}) name other binaries.
 * Screenshots go to {@code infra/target/browser/}.
 */
class DashboardBrowserIT extends IntegrationTest {

    private static final String CENTRE = "browser";
    /** The drill-downs' own centre, so that their complaint and class do not change the first test's figures. */
    private static final String DRILL = "browser-drill";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Long enough for a slow, shared machine; a wait ends as soon as its condition holds. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "browser");

    private static Path chromium;
    private static Path chromedriver;
    /** One browser for the class (it starts slowly on a busy machine); each test starts signed out. */
    private static WebDriver driver;
    private static WebDriverWait wait;
    private static Path profile;
    /** Why the tests are skipped, when they are. */
    private static String skipped;

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = binary("deskledger.chromium", "DESKLEDGER_CHROMIUM", "/usr/bin/chromium");
        chromedriver = binary("deskledger.chromedriver", "DESKLEDGER_CHROMEDRIVER", "/usr/bin/chromedriver");
        String missing = Stream.of(chromium, chromedriver).filter(p -> !Files.isExecutable(p))
                .map(Path::toString).reduce((a, b) -> a + " and " + b).orElse(null);
        if (missing != null) {
            skipped = "DashboardBrowserIT skipped: no executable " + missing + " on this machine, so the dashboard "
                    + "cannot be tested in a real browser; apt-get install chromium chromium-driver (or point "
                    + "DESKLEDGER_CHROMIUM / DESKLEDGER_CHROMEDRIVER at them)";
            System.err.println(skipped);
            return;
        }
        // both binaries are given: Selenium Manager has nothing to look up (the machine may have no network)
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("deskledger-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile,
                "--window-size=1280,1700", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogFile(SCREENSHOTS.resolve("chromedriver.log").toFile())
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    private static Path binary(String property, String variable, String fallback) {
        String given = System.getProperty(property);
        if (given == null || given.isBlank()) {
            given = System.getenv(variable);
        }
        return Path.of(given == null || given.isBlank() ? fallback : given);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void browserAtHand() {
        // each test is reported as skipped, with the reason
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    @AfterEach
    void lastPage(TestInfo test) {
        if (driver == null) {
            return;
        }
        screenshot("last-" + test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void aManagerSeesTodaysFiguresAndWatchesAVisitAndAComplaintArriveLiveThenSwitchesToChinese() {
        // the day so far, made through the API: two walk-ins, two calls (one answered within three rings), a message
        visit("WALK_IN", "ENROLMENT", null);
        visit("WALK_IN", "CONSULTATION", null);
        visit("CALL_IN", "BOOKING", 2);
        String lateCall = visit("CALL_IN", "CONSULTATION", 5);
        created(http.post("browser-desk", "/api/visits/" + lateCall + "/messages",
                "{\"recipient\":\"Teacher Zhou\",\"callbackNumber\":\"13800000000\",\"content\":\"call back\"}"));
        long position = complaint("FACILITY", "the lift is out of order");
        awaitViews(position);

        login("browser-manager", "browser-manager");
        assertThat(driver.findElement(By.id("who")).getText()).isEqualTo("browser-manager");
        assertThat(new Select(driver.findElement(By.id("centre"))).getFirstSelectedOption().getText())
                .isEqualTo(CENTRE);
        awaitFigure("reception-figures", "Total", "4");
        assertThat(figure("reception-figures", "Calls")).isEqualTo("2");
        assertThat(figure("reception-figures", "Calls answered within three rings")).isEqualTo("50.0 %");
        assertThat(figure("reception-figures", "Undelivered messages")).isEqualTo("1");
        assertThat(driver.findElement(By.id("messages")).getText()).contains("Teacher Zhou");
        assertThat(figure("complaint-kpis", "Open now")).isEqualTo("1");
        assertThat(driver.findElement(By.id("complaints")).getText()).contains("facility").contains("on track");
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
        screenshot("dashboard-en");

        // a member arrives and a complaint is filed, both through the API: the open page shows them unreloaded
        ((JavascriptExecutor) driver).executeScript("window.deskledgerNotReloaded = true;");
        visit("MEMBER", "CLASS_PICK_UP", null);
        awaitFigure("reception-figures", "Total", "5");
        complaint("SAFETY", "a loose tile in the play area");
        awaitFigure("complaint-kpis", "Open now", "2");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("complaints"), "safety"));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.deskledgerNotReloaded === true;"))
                .as("the page was not reloaded").isEqualTo(true);
        assertThat(driver.findElement(By.id("live")).getText()).contains("Live");
        screenshot("dashboard-live");

        // Simplified Chinese: the labels change, the figures stay
        new Select(driver.findElement(By.id("lang"))).selectByValue("zh");
        wait.until(ExpectedConditions.textToBe(By.id("h-reception"), "今日来访与来电"));
        awaitFigure("reception-figures", "合计", "5");
        assertThat(driver.findElement(By.cssSelector("label[for=centre]")).getText()).isEqualTo("中心");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        screenshot("dashboard-zh");
    }

    @Test
    void aManagerDrillsIntoAClassAComplaintsTimelineAndDownloadsTheWeeklyReport() {
        // a member checked in to tonight's class, and a complaint with a note, all through the API
        String member = created(http.post("drill-desk", "/api/members", "{\"centre\":\"" + DRILL
                + "\",\"kind\":\"ADULT\",\"name\":\"Zhao Lei\",\"phone\":\"13600000088\"}")).get("id").asText();
        created(http.post("drill-desk", "/api/members/" + member + "/packages", "{\"plan\":\"10 classes\","
                + "\"kind\":\"CREDIT_PACK\",\"credits\":10,\"price\":{\"minor\":150000},\"paymentMethod\":\"CARD\"}"));
        Instant tonight = LocalDate.now(ZONE).atTime(23, 0).atZone(ZONE).toInstant();
        created(http.post("drill-desk", "/api/members/" + member + "/check-ins", "{\"classCode\":\"DRAMA-B\","
                + "\"scheduledStart\":\"" + tonight + "\",\"room\":\"Room 7\"}"));
        JsonNode filed = created(http.post("drill-desk", "/api/complaints", "{\"centre\":\"" + DRILL
                + "\",\"channel\":\"PHONE\",\"category\":\"SERVICE\",\"severity\":\"GENERAL\","
                + "\"description\":\"nobody called back\",\"customer\":{\"name\":\"Li Na\"}}"));
        String complaintId = filed.get("id").asText();
        long position = created(http.post("drill-desk", "/api/complaints/" + complaintId + "/notes",
                "{\"text\":\"called the customer back\"}")).get("position").asLong();
        awaitViews("drill-manager", DRILL, position);

        login("drill-manager", "drill-manager");
        // tonight's class, with its attendance, and its roster one click away
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("classes"), "DRAMA-B"));
        driver.findElement(By.cssSelector("#classes a[href^='#session/']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("session-page")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session-roster"), member));
        assertThat(driver.findElement(By.id("session-roster")).getText()).contains("checked in");
        screenshot("drill-class-roster");

        // the complaint's detail and its timeline, from the dashboard's list
        driver.get(base() + "/#dashboard");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='complaint-row-" + complaintId + "'] a"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint-page")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("complaint-timeline"), "drill-desk"));
        List<WebElement> steps = driver.findElements(By.cssSelector("#complaint-timeline tbody tr"));
        assertThat(steps).hasSizeGreaterThanOrEqualTo(2);
        assertThat(driver.findElement(By.id("complaint-description")).getText()).isEqualTo("nobody called back");
        screenshot("drill-complaint-timeline");

        // the weekly report as a table, and its CSV through the link, with the browser's session
        driver.get(base() + "/#reports");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("weekly-show"))).click();
        wait.until(d -> d.findElements(By.cssSelector("#weekly-table tr")).size() > 2);
        String href = driver.findElement(By.id("weekly-csv")).getAttribute("href");
        assertThat(href).contains("/api/reports/weekly").contains("format=csv").contains("centre=" + DRILL);
        Object csv = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' })
                  .then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-type') + '\\n' + t)))
                  .catch(e => done('failed ' + e));""", href);
        assertThat(csv.toString()).startsWith("200 text/csv").contains("centre,week,figure,value");
        screenshot("reports-weekly");
    }

    @Test
    void aManagerSeesTheNoticeOfAConsentingMembersCheckInAsNotSent() {
        // a child whose guardian consented to notices by SMS checks in: with no broker the notice waits
        String member = created(http.post("drill-desk", "/api/members", "{\"centre\":\"" + DRILL
                + "\",\"kind\":\"CHILD\",\"name\":\"Sun Mei\",\"guardianName\":\"Sun Hua\","
                + "\"guardianPhone\":\"13600000077\"}")).get("id").asText();
        assertThat(http.post("drill-desk", "/api/members/" + member + "/notice-consent",
                "{\"consented\":true,\"channel\":\"SMS\",\"address\":\"13600000077\"}").status()).isEqualTo(200);
        created(http.post("drill-desk", "/api/members/" + member + "/packages", "{\"plan\":\"10 classes\","
                + "\"kind\":\"CREDIT_PACK\",\"credits\":10,\"price\":{\"minor\":150000},\"paymentMethod\":\"CARD\"}"));
        // yesterday's class, so that today's classes of this centre stay the drill-down test's own
        Instant yesterday = LocalDate.now(ZONE).minusDays(1).atTime(18, 0).atZone(ZONE).toInstant();
        created(http.post("drill-desk", "/api/members/" + member + "/check-ins", "{\"classCode\":\"ART-N\","
                + "\"scheduledStart\":\"" + yesterday + "\",\"room\":\"Room 3\"}"));

        login("drill-manager", "drill-manager");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notices-section")));
        awaitFigure("notice-figures", "Not sent yet", "1");
        assertThat(figure("notice-figures", "Sent")).isEqualTo("0");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices-note"),
                "No message broker is configured"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "child checked in"));
        assertThat(driver.findElement(By.id("notices")).getText()).contains("not sent")
                .doesNotContain("13600000077");
        screenshot("dashboard-notices");
    }

    @Test
    void theAdminReplaysAViewFromTheProjectionsPage() {
        login("browser-manager", "browser-manager");
        assertThat(driver.findElements(By.id("nav-admin"))).noneMatch(WebElement::isDisplayed);

        login("admin", "admin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("projections")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='projection-reception']")));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("replay-reception"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("replay-status"),
                "Replay of reception finished."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid='projection-state-reception']"), "running"));
        screenshot("admin-projections");
    }

    @Test
    void theManagerIsRefusedTheAdminPagesWhichTheAdminIsShown() {
        login("browser-manager", "browser-manager");
        driver.get(base() + "/#admin");
        wait.until(d -> d.findElement(By.id("dashboard")).isDisplayed());
        assertThat(driver.findElements(By.id("admin"))).noneMatch(WebElement::isDisplayed);
        driver.get(base() + "/api/admin/projections");
        String refused = wait.until(d -> d.findElement(By.tagName("body"))).getText();
        assertThat(refused).contains("\"status\":403").contains("FORBIDDEN_ROLE").doesNotContain("reception");
        screenshot("admin-refused-to-manager");

        // the same page for the administrator: the refusal above is the role's
        login("admin", "admin");
        driver.get(base() + "/api/admin/projections");
        assertThat(wait.until(d -> d.findElement(By.tagName("body"))).getText()).contains("\"name\":\"reception\"");
    }

    @Test
    void aReceptionistWhoLogsInSeesNoManagerPages() {
        login("browser-desk", "browser-desk");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-pages")));
        assertThat(driver.findElement(By.id("no-pages")).getText()).isEqualTo("There are no pages for your role.");
        assertThat(driver.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("nav a[href='#audit']")).isDisplayed()).isFalse();
        driver.get(base() + "/#audit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-pages")));
        assertThat(driver.findElement(By.id("audit")).isDisplayed()).isFalse();
        screenshot("reception-no-pages");
    }

    @Test
    void anAuditorSearchesTheAuditLogAndSeesAMembersStateAsOfAnInstant() throws InterruptedException {
        String member = created(http.post("browser-desk", "/api/members", "{\"centre\":\"" + CENTRE
                + "\",\"kind\":\"ADULT\",\"name\":\"Qian Yu\",\"phone\":\"13600000077\"}")).get("id").asText();
        // the page's "state as of" field takes minutes: the member is frozen after the next whole minute, and the
        // auditor asks for the state as of that minute (the events' times are this JVM's clock)
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);

        login("browser-audit", "browser-audit");
        driver.get(base() + "/#audit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        input("User").sendKeys("browser-desk");
        // the audit log is a view: until it holds the enrolment, a search (as a person would) shows it again
        wait.until(d -> {
            d.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            return d.findElement(By.id("search")).getText().contains(member);
        });
        assertThat(driver.findElement(By.id("search")).getText()).contains("MemberEnrolledEvent");
        assertThat(driver.findElement(By.id("export-csv")).getAttribute("href"))
                .contains("actor=browser-desk").contains("format=csv");
        screenshot("audit-search");

        waitForTheClockToPass(minute);
        created(http.post("browser-desk", "/api/members/" + member + "/freeze", "{}"));

        new Select(driver.findElement(By.id("kind"))).selectByVisibleText("members");
        input("Id").sendKeys(member);
        setDateTimeLocal(input("State as of"), minute);
        driver.findElement(By.cssSelector("#history-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "\"sequence\": 0"));
        // not frozen then (a field without a value is left out of the state)
        assertThat(driver.findElement(By.id("state")).getText()).contains("\"erased\": false")
                .doesNotContain("frozenAt");
        assertThat(driver.findElement(By.id("history")).getText()).contains("MemberFrozenEvent");
        screenshot("audit-member-as-of");

        // a few minutes later the freeze is in it
        setDateTimeLocal(input("State as of"), minute.plus(5, ChronoUnit.MINUTES));
        driver.findElement(By.cssSelector("#history-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "\"sequence\": 1"));
        assertThat(driver.findElement(By.id("state")).getText()).contains("\"frozenAt\": \"");
    }

    /** Waits for the wall clock, not for the application: the next command must happen after that instant. */
    private static void waitForTheClockToPass(Instant instant) throws InterruptedException {
        while (!Instant.now().isAfter(instant)) {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), instant).toMillis() + 1));
        }
    }

    // --- the browser

    private String base() {
        return "http://localhost:" + port;
    }

    /** Signs in through the login page as a person would: the form's labelled fields, then Enter. */
    private void login(String user, String password) {
        driver.get(base() + "/login");
        driver.manage().deleteAllCookies();
        driver.get(base() + "/");
        wait.until(ExpectedConditions.urlToBe(base() + "/login"));
        // the language chosen by an earlier test's user is the browser's, not this user's
        ((JavascriptExecutor) driver).executeScript("localStorage.clear();");
        driver.navigate().refresh();
        input("User name").sendKeys(user);
        input("Password").sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("who"), user));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/");
    }

    /** The control a visible label names (its {@code for}), as a screen reader finds it. */
    private WebElement input(String label) {
        List<WebElement> labels = driver.findElements(By.xpath("//label[normalize-space()='" + label + "']"));
        WebElement shown = labels.stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow(() -> new AssertionError("no visible label " + label));
        return driver.findElement(By.id(shown.getAttribute("for")));
    }

    /** A datetime-local field (minutes, as the page takes it) set to that instant in the browser's time zone. */
    private void setDateTimeLocal(WebElement field, Instant at) {
        ((JavascriptExecutor) driver).executeScript("""
                const d = new Date(arguments[1]);
                const p = n => String(n).padStart(2, '0');
                arguments[0].value = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T`
                  + `${p(d.getHours())}:${p(d.getMinutes())}`;
                arguments[0].dispatchEvent(new Event('input', { bubbles: true }));""", field, at.toString());
    }

    private By figureLocator(String list, String label) {
        return By.xpath("//dl[@id='" + list + "']/div[dt[normalize-space()='" + label + "']]/dd");
    }

    private String figure(String list, String label) {
        return driver.findElement(figureLocator(list, label)).getText();
    }

    private void awaitFigure(String list, String label, String value) {
        new WebDriverWait(driver, WAIT).withMessage(() -> label + " in #" + list + " should read " + value + ", reads "
                        + driver.findElements(figureLocator(list, label)).stream().map(WebElement::getText).toList())
                // the page re-renders a list when a live change arrives: an element found a moment ago may be gone
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(figureLocator(list, label)).stream()
                        .anyMatch(e -> e.getText().equals(value)));
    }

    private void screenshot(String name) {
        try {
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the API

    private String visit(String channel, String purpose, Integer rings) {
        return created(http.post("browser-desk", "/api/visits", "{\"centre\":\"" + CENTRE + "\",\"channel\":\""
                + channel + "\",\"purpose\":\"" + purpose + "\"" + (rings == null ? "" : ",\"rings\":" + rings)
                + "}")).get("id").asText();
    }

    private long complaint(String category, String description) {
        return created(http.post("browser-desk", "/api/complaints", "{\"centre\":\"" + CENTRE
                + "\",\"channel\":\"WALK_IN\",\"category\":\"" + category + "\",\"severity\":\"GENERAL\","
                + "\"description\":\"" + description + "\",\"customer\":{\"name\":\"Sun Mei\"}}"))
                .get("position").asLong();
    }

    private static JsonNode created(Http.Response response) {
        assertThat(response.status()).as(response.text()).isIn(200, 201);
        return response.json();
    }

    /** Waits (the views' own consistency wait) until the views the page reads have reached that position. */
    private void awaitViews(long position) {
        awaitViews("browser-manager", CENTRE, position);
    }

    private void awaitViews(String user, String centre, long position) {
        String today = LocalDate.now(ZONE).toString();
        assertThat(http.get(user, "/api/views/reception?centre=" + centre + "&date=" + today + "&position="
                + position).status()).isEqualTo(200);
        assertThat(http.get(user, "/api/views/complaints?centre=" + centre + "&position=" + position).status())
                .isEqualTo(200);
    }
}
