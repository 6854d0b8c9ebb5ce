package com.deskledger.infra.db;

import com.deskledger.infra.support.ChildProcess;
import com.deskledger.infra.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The packaged application on its embedded database, as a user runs it: a second instance started on the same data
 * directory refuses with a message naming the directory and the first instance, and the first keeps working; SIGTERM
 * stops the first one quietly, its PostgreSQL last (after the connection pool has shut down). The embedded server
 * runs with least privilege: generated passwords in an owner-only file, none of its roles logs in without one, and
 * the application's role can neither change an event nor switch the triggers off.
 */
class EmbeddedApplicationLifecycleIT {

    private static final Path JAR = Path.of("target", "deskledger.jar");
    private static final Duration START = Duration.ofSeconds(240);
    /** Variables that would point the application at another database. */
    private static final List<String> DATABASE_ENV = List.of("DESKLEDGER_DB_URL", "DESKLEDGER_DB_USER",
            "DESKLEDGER_DB_PASSWORD", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD");

    @TempDir
    Path dir;

    @Test
    void aSecondInstanceRefusesTheDataDirectoryAndSigtermStopsTheFirstWithoutWarnings() throws Exception {
        assertThat(JAR).as("the packaged application (mvn verify packages it before the integration tests)")
                .exists();
        Path data = dir.resolve("data");
        int port = freePort();
        try (ChildProcess first = app(data, port)) {
            first.await(line -> line.contains("Started DeskLedgerApplication"), START);
            Http http = new Http(port);
            assertThat(visit(http)).isEqualTo(201);
            long postmaster = EmbeddedDatabase.Postmaster.read(data.resolve("postgres")).orElseThrow().pid();
            leastPrivilege(first, data);

            try (ChildProcess second = app(data, freePort())) {
                assertThat(second.awaitExit(START)).isNotZero();
                String output = String.join("\n", second.lines());
                assertThat(output).contains("APPLICATION FAILED TO START")
                        .contains("The data directory " + data.toAbsolutePath().normalize() + " is in use")
                        .contains("DeskLedger (process " + first.pid() + ")")
                        .contains("PostgreSQL is process " + postmaster)
                        .doesNotContain("could not lock");
            }
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
            assertThat(visit(http)).isEqualTo(201);
            assertThat(http.get(null, "/actuator/health").status()).isEqualTo(200);

            int before = first.lineCount();
            first.terminate();
            first.awaitExit(Duration.ofSeconds(90));
            List<String> shutdown = first.lines().subList(before, first.lineCount());
            assertThat(shutdown).as("log lines after SIGTERM").noneMatch(line -> line.contains(" WARN ")
                    || line.contains(" ERROR ") || line.contains("Exception"));
            int poolClosed = indexOf(shutdown, "HikariPool-1 - Shutdown completed");
            int databaseStopped = indexOf(shutdown, "Embedded PostgreSQL stopped");
            assertThat(poolClosed).as("the pool closed").isNotNegative();
            assertThat(databaseStopped).as("PostgreSQL stopped after the pool").isGreaterThan(poolClosed);
            // pg_ctl's wait ends when postmaster.pid is removed, a moment before the process is gone
            assertThat(gone(postmaster, Duration.ofSeconds(10))).as("PostgreSQL process ended").isTrue();
            assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).isFalse();
        }
    }

    /**
     * The embedded server's roles: passwords generated into an owner-only file, no login without one (not even the
     * superuser's), and the application connected as a role that may neither change events nor switch triggers off.
     */
    private static void leastPrivilege(ChildProcess app, Path data) throws Exception {
        assertThat(app.lines()).anyMatch(line -> line.contains("Database role \"deskledger_app\": no superuser,"
                + " owns no table"));
        Path file = data.resolve(EmbeddedDatabase.CREDENTIALS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Properties credentials = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            credentials.load(reader);
        }
        String url = "jdbc:postgresql://localhost:" + EmbeddedDatabase.Postmaster.read(data.resolve("postgres"))
                .orElseThrow().port().orElseThrow() + "/" + EmbeddedDatabase.DATABASE;
        for (String user : List.of("postgres", "deskledger_app")) {
            // trust would let any password in
            assertThatThrownBy(() -> DriverManager.getConnection(url, user, "not-the-password").close())
                    .as(user + " without its password").isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("28"));
        }
        try (Connection asApp = DriverManager.getConnection(url, "deskledger_app", credentials.getProperty("app"));
             Statement sql = asApp.createStatement()) {
            for (String forbidden : List.of("update domainevententry set payload = payload",
                    "alter table domainevententry disable trigger all", "set session_replication_role = replica")) {
                assertThatThrownBy(() -> sql.execute(forbidden)).as(forbidden).isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
        try (Connection asOwner = DriverManager.getConnection(url, "deskledger_owner",
                credentials.getProperty("owner")); Statement sql = asOwner.createStatement();
             var rs = sql.executeQuery("select count(*) from pg_tables where schemaname = 'public'"
                     + " and tableowner <> 'deskledger_owner'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("tables not owned by deskledger_owner").isZero();
        }
    }

    private ChildProcess app(Path data, int port) {
        return ChildProcess.start(List.of(ChildProcess.java(), "-Xmx512m", "-jar", JAR.toString(),
                "--server.port=" + port, "--deskledger.data-dir=" + data), DATABASE_ENV);
    }

    private static int visit(Http http) {
        return http.post("reception", "/api/visits", "{\"channel\":\"WALK_IN\",\"purpose\":\"CONSULTATION\"}")
                .status();
    }

    private static boolean gone(long pid, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
