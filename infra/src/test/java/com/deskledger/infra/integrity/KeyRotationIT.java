package com.deskledger.infra.integrity;

import com.deskledger.infra.DeskLedgerApplication;
import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The keys over the life of a store, on a database of its own (so that the whole store can be said intact) and two
 * applications one after the other: a store from before signing gets its events signed once at the first start;
 * events are signed with key 1 and a checkpoint with checkpoint key 1; then the keys are rotated (new files, the old
 * checkpoint key reduced to its public half) and the application restarted: new events carry key 2, the whole store
 * still verifies, the old receipt still verifies, and periodic checkpoints are taken with the new key and written to
 * the checkpoint directory. An application without its keys refuses to start.
 */
class KeyRotationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void rotatedKeysSignWhatIsNewWhileWhatTheOldOnesSignedStillVerifies() throws Exception {
        TestDatabase.install();
        String database = "deskledger_it_" + Instant.now().getEpochSecond() + "_"
                + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        try (Connection admin = TestDatabase.connect(); Statement sql = admin.createStatement()) {
            sql.execute("create database " + database);
        }
        String url = TestDatabase.url().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        Path keys = temp.resolve("keys");
        Path receipts = temp.resolve("receipts");
        try {
            // a store as it was before V80: one event, chained by the trigger, signed by nobody
            Flyway.configure().dataSource(url, System.getProperty("spring.datasource.username"),
                    System.getProperty("spring.datasource.password")).locations("classpath:db/migration")
                    .target("51").load().migrate();
            String legacy = UUID.randomUUID().toString();
            try (Connection connection = connect(url); PreparedStatement insert = connection.prepareStatement("""
                    insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                        payload, payloadrevision, payloadtype, timestamp) values (?, 0, 'VisitorSession', ?, ?, ?, '1',
                        'com.deskledger.kernel.visit.event.VisitStartedEvent', '2026-07-07T07:07:07Z')""")) {
                insert.setString(1, legacy);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
                insert.setBytes(4, ("{\"visitId\":\"" + legacy + "\",\"centre\":\"utc\",\"channel\":\"WALK_IN\","
                        + "\"purpose\":\"OTHER\",\"receptionist\":\"flow-desk\",\"arrivedAt\":\"2026-07-07T07:07:07Z\"}")
                        .getBytes(StandardCharsets.UTF_8));
                insert.executeUpdate();
            }

            String firstMacKey;
            String firstCheckpointKey;
            JsonNode firstReceipt;
            try (ConfigurableApplicationContext first = start(url, keys, receipts, "PT0S", List.of())) {
                Http http = new Http(port(first));
                JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
                firstMacKey = only(keys.resolve("event-mac"), ".key");
                firstCheckpointKey = only(keys.resolve("checkpoint"), ".key");
                assertThat(jdbc.queryForObject("select adopted_count from event_signing_start", Long.class))
                        .isEqualTo(1);

                String visit = visit(http);
                JsonNode verdict = http.get("auditor", "/api/audit/verify").json();
                assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
                assertThat(verdict.get("signedBy").get(firstMacKey).asLong()).isEqualTo(3);
                assertThat(keyIdsOf(jdbc, visit)).containsOnly(firstMacKey);

                Http.Response taken = http.post("auditor", "/api/audit/checkpoints", null);
                assertThat(taken.status()).as(taken.text()).isEqualTo(201);
                firstReceipt = taken.json();
                assertThat(firstReceipt.get("keyId").asText()).isEqualTo(firstCheckpointKey);
                assertThat(firstReceipt.get("eventCount").asLong()).isEqualTo(3);
                assertThat(firstReceipt.get("aggregateCount").asLong()).isEqualTo(2);
                List<Path> filed = files(receipts);
                assertThat(filed).hasSize(1);
                assertThat(JSON.readTree(filed.get(0).toFile()).get("signature"))
                        .isEqualTo(firstReceipt.get("signature"));
            }

            // rotation: a new MAC key and a new checkpoint key pair; the old checkpoint key keeps its public half
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(keys.resolve("event-mac").resolve("mac-2.key"),
                    Base64.getEncoder().encodeToString(secret));
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.writeString(keys.resolve("checkpoint").resolve("checkpoint-2.key"), "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            Files.writeString(keys.resolve("checkpoint").resolve("checkpoint-2.pub"), "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            Files.delete(keys.resolve("checkpoint").resolve(firstCheckpointKey + ".key"));

            try (ConfigurableApplicationContext second = start(url, keys, receipts, "PT1S",
                    List.of("--deskledger.keys.event-mac.active=mac-2",
                            "--deskledger.keys.checkpoint.active=checkpoint-2"))) {
                Http http = new Http(port(second));
                JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
                String visit = visit(http);
                assertThat(keyIdsOf(jdbc, visit)).containsOnly("mac-2");
                long position = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);

                // the periodic checkpoint: taken with the new key, filed in the directory as well
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                JsonNode periodic = http.get("auditor", "/api/audit/checkpoints?limit=1").json().get(0);
                while (periodic.get("highestGlobalIndex").asLong() < position) {
                    assertThat(Instant.now()).as("a periodic checkpoint is taken").isBefore(deadline);
                    Thread.sleep(200);
                    periodic = http.get("auditor", "/api/audit/checkpoints?limit=1").json().get(0);
                }
                assertThat(periodic.get("keyId").asText()).isEqualTo("checkpoint-2");
                assertThat(periodic.get("eventCount").asLong()).isEqualTo(5);
                assertThat(files(receipts)).hasSizeGreaterThanOrEqualTo(2);
                assertThat(JSON.readTree(files(receipts).get(files(receipts).size() - 1).toFile()).get("checkpoint"))
                        .isEqualTo(periodic.get("checkpoint"));

                JsonNode verdict = http.get("auditor", "/api/audit/verify").json();
                assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
                assertThat(verdict.get("signedBy").get(firstMacKey).asLong()).isEqualTo(3);
                assertThat(verdict.get("signedBy").get("mac-2").asLong()).isEqualTo(2);
                assertThat(verdict.get("checkpoint").get("matches").asBoolean()).isTrue();
                assertThat(verdict.get("checkpoint").get("keyId").asText()).isEqualTo("checkpoint-2");

                Http.Response old = http.post("auditor", "/api/audit/verify", firstReceipt.toString());
                assertThat(old.status()).as(old.text()).isEqualTo(200);
                assertThat(old.json().get("intact").asBoolean()).isTrue();
                assertThat(old.json().get("checkpoint").get("matches").asBoolean()).isTrue();
                assertThat(old.json().get("checkpoint").get("keyId").asText()).isEqualTo(firstCheckpointKey);

                JsonNode published = http.get("auditor", "/api/audit/keys").json();
                assertThat(published.get("checkpointKeys").findValuesAsText("keyId"))
                        .containsExactlyInAnyOrder("checkpoint-2", firstCheckpointKey);
                assertThat(published.get("eventMacKeys").findValuesAsText("keyId"))
                        .containsExactly(firstMacKey, "mac-2");
                assertThat(published.toString()).doesNotContain(Base64.getEncoder().encodeToString(secret));
            }

            Path missing = temp.resolve("no-keys");
            assertThatThrownBy(() -> start(url, missing, receipts, "PT0S", List.of("--deskledger.keys.generate=false"))
                    .close()).rootCause().hasMessageContaining("deskledger.keys.generate=true")
                    .hasMessageContaining(missing.toString());
        } finally {
            try (Connection admin = TestDatabase.connect(); Statement sql = admin.createStatement()) {
                sql.execute("drop database if exists " + database);
            } catch (SQLException stillInUse) {
                // left for the stale-database clean-up of a later run
            }
        }
    }

    private static ConfigurableApplicationContext start(String url, Path keys, Path receipts, String interval,
                                                        List<String> more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
                "--deskledger.keys.dir=" + keys, "--deskledger.audit.checkpoint-dir=" + receipts,
                "--deskledger.audit.checkpoint-interval=" + interval, "--deskledger.deadlines.execute=false"));
        args.addAll(more);
        return new SpringApplicationBuilder(DeskLedgerApplication.class).profiles("it").run(args.toArray(String[]::new));
    }

    /** A visit of two events by the demo receptionist. */
    private static String visit(Http http) {
        Http.Response started = http.post("reception", "/api/visits", "{\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}");
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        String id = started.json().get("id").asText();
        assertThat(http.post("reception", "/api/visits/" + id + "/end", "{\"outcome\":\"RESOLVED\"}").status() / 100)
                .isEqualTo(2);
        return id;
    }

    private static List<String> keyIdsOf(JdbcTemplate jdbc, String aggregate) {
        return jdbc.queryForList("""
                select s.key_id from domainevententry e join event_signature s on s.globalindex = e.globalindex
                where e.aggregateidentifier = ?""", String.class, aggregate);
    }

    private static String only(Path dir, String suffix) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            List<String> ids = list.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(suffix))
                    .map(name -> name.substring(0, name.length() - suffix.length())).toList();
            assertThat(ids).hasSize(1);
            return ids.get(0);
        }
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, System.getProperty("spring.datasource.username"),
                System.getProperty("spring.datasource.password"));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
