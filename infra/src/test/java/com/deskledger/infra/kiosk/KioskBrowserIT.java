package com.deskledger.infra.kiosk;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk in a real browser (headless Chromium through chromedriver, as {@code DashboardBrowserIT}): the kiosk
 * user signs in at {@code /kiosk}, types the member's card token (as a USB scanner would), sees the session booked
 * for today, checks in, and the session's roster in the timetable view shows the member present. Skipped, saying
 * why, without Chromium or chromedriver.
 */
class KioskBrowserIT extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "browser");

    private static WebDriver driver;
    private static WebDriverWait wait;
    private static Path profile;
    private static String skipped;

    @BeforeAll
    static void startChromium() throws IOException {
        Path chromium = binary("deskledger.chromium", "DESKLEDGER_CHROMIUM", "/usr/bin/chromium");
        Path chromedriver = binary("deskledger.chromedriver", "DESKLEDGER_CHROMEDRIVER", "/usr/bin/chromedriver");
        String missing = Stream.of(chromium, chromedriver).filter(p -> !Files.isExecutable(p))
                .map(Path::toString).reduce((a, b) -> a + " and " + b).orElse(null);
        if (missing != null) {
            skipped = "KioskBrowserIT skipped: no executable " + missing + " on this machine; apt-get install "
                    + "chromium chromium-driver (or point DESKLEDGER_CHROMIUM / DESKLEDGER_CHROMEDRIVER at them)";
            System.err.println(skipped);
            return;
        }
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("deskledger-kiosk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile,
                "--window-size=1024,1366", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort()
                .withLogFile(SCREENSHOTS.resolve("kiosk-chromedriver.log").toFile()).build();
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
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    @Test
    void theKioskUserScansTheCardSeesTheSessionAndChecksTheMemberIn() throws Exception {
        String title = "Kiosk class " + UUID.randomUUID().toString().substring(0, 6);
        Instant start = Instant.now().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        String session = session(room(), title, start, start.plus(Duration.ofMinutes(50)));
        String member = member();
        Http.Response booked = http.post("tt-desk", "/api/timetable/sessions/" + session + "/bookings",
                "{\"memberId\":\"" + member + "\"}");
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        String token = http.post("tt-desk", "/api/members/" + member + "/card", null).json().get("token").asText();
        awaitBookedInView(member, session);

        // sign in at /kiosk as the kiosk would be set up in the morning; the login brings it back to /kiosk
        driver.get(base() + "/login");
        driver.manage().deleteAllCookies();
        driver.get(base() + "/kiosk");
        wait.until(ExpectedConditions.urlToBe(base() + "/login"));
        ((JavascriptExecutor) driver).executeScript("localStorage.clear();");
        driver.findElement(By.id("username")).sendKeys("tt-kiosk");
        driver.findElement(By.id("password")).sendKeys("tt-kiosk", Keys.ENTER);
        wait.until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/kiosk"));

        // a USB scanner types the token and Enter
        WebElement code = wait.until(ExpectedConditions.elementToBeClickable(By.id("code")));
        code.sendKeys(token, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions"), title));
        String name = driver.findElement(By.id("member-name")).getText();
        assertThat(name).startsWith("Hello, K").contains("*").doesNotContain("Kid");
        screenshot("kiosk-found");
        driver.findElement(By.cssSelector("[data-testid=kiosk-check-in]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=kiosk-present]")));
        assertThat(driver.findElement(By.id("message")).getText()).contains("Checked in to " + title);
        screenshot("kiosk-checked-in");

        // the session's roster shows the member present, and the check-in was the kiosk user's
        Instant deadline = Instant.now().plus(WAIT);
        while (presentIn(session) != 1) {
            assertThat(Instant.now()).as("the member present on the roster").isBefore(deadline);
            Thread.sleep(200);
        }
        String user = jdbc.queryForObject("select convert_from(metadata, 'UTF8')::jsonb->>'user' from "
                + "domainevententry where aggregateidentifier = ? and payloadtype like '%SessionCheckInRecordedEvent'",
                String.class, session);
        assertThat(user).isEqualTo("tt-kiosk");

        // the same card again: already checked in, shown as such; a made-up token is refused with a clear message
        code = driver.findElement(By.id("code"));
        code.sendKeys(token, Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=kiosk-present]")));
        driver.findElement(By.id("code")).sendKeys("A".repeat(43), Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "not valid"));
        // and the kiosk user cannot open the dashboard
        driver.get(base() + "/");
        assertThat(driver.getPageSource()).doesNotContain("dashboard-page");
    }

    @Test
    void theMemberPageIssuesACardAsAPrintableQrCodeAndRevokesIt() {
        String member = member();
        driver.get(base() + "/login");
        driver.manage().deleteAllCookies();
        driver.get(base() + "/login");
        ((JavascriptExecutor) driver).executeScript("localStorage.clear();");
        driver.navigate().refresh();
        driver.findElement(By.id("username")).sendKeys("tt-manager");
        driver.findElement(By.id("password")).sendKeys("tt-manager", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("who"), "tt-manager"));
        driver.get(base() + "/#member/" + member);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=card-issue]"))).click();
        WebElement qr = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=card-qr-image]")));
        assertThat(qr.getAttribute("src")).startsWith("data:image/gif;base64,");
        assertThat(jdbc.queryForObject("select issued_by from member_card where member_id = ?", String.class, member))
                .isEqualTo("tt-manager");
        screenshot("member-card-issued");
        driver.findElement(By.cssSelector("[data-testid=card-revoke]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-status"), "Card revoked."));
        assertThat(jdbc.queryForObject("select count(*) from member_card where member_id = ?", Long.class, member))
                .isZero();
        assertThat(jdbc.queryForList("select action || ':' || actor from member_card_audit where member_id = ? "
                + "order by id", String.class, member)).containsExactly("ISSUED:tt-manager", "REVOKED:tt-manager");
    }

    private int presentIn(String session) {
        JsonNode day = http.get("tt-desk", "/api/views/timetable?centre=timetable").json();
        for (JsonNode row : day.get("sessions")) {
            if (row.get("sessionId").asText().equals(session)) {
                return row.get("present").asInt();
            }
        }
        return -1;
    }

    private void awaitBookedInView(String member, String session) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!http.get("tt-desk", "/api/views/timetable/members/" + member + "/bookings").text()
                .contains(session)) {
            assertThat(Instant.now()).as("the booking in the view").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void screenshot(String name) {
        try {
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String room() {
        Http.Response added = http.post("tt-super", "/api/timetable/rooms", "{\"name\":\"Kiosk browser room "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"kind\":\"CLASSROOM\",\"capacity\":10}");
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return added.json().get("id").asText();
    }

    private String session(String room, String title, Instant start, Instant end) {
        Http.Response created = http.post("tt-super", "/api/timetable/sessions", "{\"kind\":\"CLASS\",\"title\":\""
                + title + "\",\"room\":\"" + room + "\",\"start\":\"" + start + "\",\"end\":\"" + end
                + "\",\"places\":5,\"credits\":1}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private String member() {
        String phone = "138" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
        Http.Response enrolled = http.post("tt-desk", "/api/members", "{\"kind\":\"ADULT\",\"name\":\"Kid "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"phone\":\"" + phone + "\"}");
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        String id = enrolled.json().get("id").asText();
        Http.Response bought = http.post("tt-desk", "/api/members/" + id + "/packages", "{\"plan\":\"classes\","
                + "\"kind\":\"CREDIT_PACK\",\"credits\":3,\"price\":{\"minor\":100000},\"paymentMethod\":\"CASH\"}");
        assertThat(bought.status()).as(bought.text()).isEqualTo(201);
        return id;
    }
}
