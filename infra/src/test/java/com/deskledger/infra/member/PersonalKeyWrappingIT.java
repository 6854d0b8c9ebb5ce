package com.deskledger.infra.member;

import com.deskledger.infra.DeskLedgerApplication;
import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 21 part 5, on a database of its own and three applications one after the other: personal-data keys are
 * stored wrapped by the key-encryption key of the key directory, so neither the table's file nor the write-ahead log
 * ever holds a key as it is; a key stored unwrapped (before V85) is wrapped at the next start; a new KEK made active
 * wraps every key again at start-up, after which the retired KEK file can be deleted and everything still reads;
 * erasure deletes the wrapped row, and a copy of it taken before (a backup) opens with neither the database nor the
 * KEKs left in the directory.
 */
class PersonalKeyWrappingIT {

    @TempDir
    Path temp;

    @Test
    void keysAreStoredWrappedRewrappedOnRotationAndABackupOpensWithoutTheKekNothing() throws Exception {
        TestDatabase.install();
        String database = "deskledger_it_" + Instant.now().getEpochSecond() + "_"
                + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        try (Connection admin = TestDatabase.connect(); Statement sql = admin.createStatement()) {
            sql.execute("create database " + database);
        }
        String url = TestDatabase.url().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        Path keys = temp.resolve("keys");
        try {
            String wrappedMember;
            String legacyMember;
            String firstKek;
            byte[] backup;
            Timestamp started = new Timestamp(System.currentTimeMillis() - 1_000);
            try (ConfigurableApplicationContext first = start(url, keys, List.of())) {
                Http http = new Http(port(first));
                JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
                firstKek = only(keys.resolve("kek"));
                wrappedMember = enrol(http, "Wrapped Person", "13300001111");
                legacyMember = enrol(http, "Legacy Person", "13300002222");

                Map<String, Object> row = row(jdbc, wrappedMember);
                assertThat(row.get("kek_id")).isEqualTo(firstKek);
                byte[] stored = (byte[]) row.get("secret");
                byte[] key = unwrap(kek(keys, firstKek), "member:" + wrappedMember, stored);
                assertThat(key).hasSize(32);
                assertThat(indexOf(stored, key)).isNegative();

                // the table's file and the write-ahead log hold the wrapped key, never the key itself
                jdbc.execute("checkpoint");
                byte[] tableFile = jdbc.queryForObject(
                        "select pg_read_binary_file(pg_relation_filepath('personal_key'))", byte[].class);
                assertThat(indexOf(tableFile, stored)).as("the wrapped key is in the table file").isNotNegative();
                assertThat(indexOf(tableFile, key)).as("the key itself in the table file").isNegative();
                for (String wal : jdbc.queryForList("select name from pg_ls_waldir() where modification >= ?",
                        String.class, started)) {
                    byte[] segment = jdbc.queryForObject("select pg_read_binary_file('pg_wal/' || ?)", byte[].class,
                            wal);
                    assertThat(indexOf(segment, key)).as("the key itself in WAL segment " + wal).isNegative();
                }
                backup = stored;

                // a key stored as before V85, unwrapped
                byte[] legacyKey = unwrap(kek(keys, firstKek), "member:" + legacyMember,
                        (byte[]) row(jdbc, legacyMember).get("secret"));
                jdbc.update("update personal_key set secret = ?, kek_id = null where key_id = ?", legacyKey,
                        "member:" + legacyMember);
            }

            // rotation: a new KEK made active; the start wraps every key again, the unwrapped one included
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(keys.resolve("kek").resolve("kek-2.key"), Base64.getEncoder().encodeToString(secret));
            try (ConfigurableApplicationContext second = start(url, keys,
                    List.of("--deskledger.keys.kek.active=kek-2"))) {
                JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForList("select distinct kek_id from personal_key", String.class))
                        .containsExactly("kek-2");
                assertThat(unwrap(secret, "member:" + legacyMember, (byte[]) row(jdbc, legacyMember).get("secret")))
                        .hasSize(32);
            }

            // the retired KEK is no longer needed: everything reads without it
            Files.delete(keys.resolve("kek").resolve(firstKek + ".key"));
            try (ConfigurableApplicationContext third = start(url, keys, List.of())) {
                Http http = new Http(port(third));
                JdbcTemplate jdbc = third.getBean(JdbcTemplate.class);
                assertThat(profileName(http, wrappedMember)).isEqualTo("Wrapped Person");
                assertThat(profileName(http, legacyMember)).isEqualTo("Legacy Person");

                Http.Response erased = http.post("manager", "/api/members/" + wrappedMember + "/erasure", null);
                assertThat(erased.status()).as(erased.text()).isEqualTo(200);
                assertThat(jdbc.queryForObject("select count(*) from personal_key where key_id = ?", Long.class,
                        "member:" + wrappedMember)).isZero();
                assertThat(profileName(http, wrappedMember + "?position=" + erased.json().get("position").asLong()))
                        .isEqualTo("[erased]");
                // the row a backup taken before the erasure holds opens with no KEK the directory still has
                byte[] copy = backup;
                assertThatThrownBy(() -> unwrap(secret, "member:" + wrappedMember, copy))
                        .isInstanceOf(AEADBadTagException.class);
                assertThat(only(keys.resolve("kek"))).isEqualTo("kek-2");
            }
        } finally {
            try (Connection admin = TestDatabase.connect(); Statement sql = admin.createStatement()) {
                sql.execute("drop database if exists " + database);
            } catch (SQLException stillInUse) {
                // left for the stale-database clean-up of a later run
            }
        }
    }

    private static String enrol(Http http, String name, String phone) {
        Http.Response enrolled = http.post("reception", "/api/members", "{\"centre\":\"main\",\"kind\":\"ADULT\","
                + "\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"}");
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        return enrolled.json().get("id").asText();
    }

    private static String profileName(Http http, String member) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Http.Response profile = http.get("manager", "/api/views/members/" + member);
            if (profile.status() == 200 && !"false".equals(profile.header("X-DeskLedger-Consistent"))) {
                return profile.json().get("name").asText();
            }
            sleep();
        }
        throw new AssertionError("no profile of " + member);
    }

    private static Map<String, Object> row(JdbcTemplate jdbc, String member) {
        return jdbc.queryForMap("select secret, kek_id from personal_key where key_id = ?", "member:" + member);
    }

    private static byte[] kek(Path keys, String id) throws Exception {
        return Base64.getDecoder().decode(Files.readString(keys.resolve("kek").resolve(id + ".key")).strip());
    }

    /** The application's wrapping, redone here: AES-256-GCM, 12-byte nonce first, the key's id authenticated. */
    private static byte[] unwrap(byte[] kek, String keyId, byte[] stored) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"),
                new GCMParameterSpec(128, Arrays.copyOfRange(stored, 0, 12)));
        cipher.updateAAD(("personal-key:" + keyId).getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(Arrays.copyOfRange(stored, 12, stored.length));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String only(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            List<String> ids = list.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".key"))
                    .map(name -> name.substring(0, name.length() - ".key".length())).toList();
            assertThat(ids).hasSize(1);
            return ids.get(0);
        }
    }

    private static ConfigurableApplicationContext start(String url, Path keys, List<String> more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
                "--deskledger.keys.dir=" + keys, "--deskledger.deadlines.execute=false"));
        args.addAll(more);
        return new SpringApplicationBuilder(DeskLedgerApplication.class).profiles("it")
                .run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
