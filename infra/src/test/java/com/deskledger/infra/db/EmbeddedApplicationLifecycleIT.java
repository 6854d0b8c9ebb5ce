package com.deskledger.infra.db;

import com.deskledger.infra.support.ChildProcess;
import com.deskledger.infra.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application on its embedded database, as a user runs it: a second instance started on the same data
 * directory refuses with a message naming the directory and the first instance, and the first keeps working; SIGTERM
 * stops the first one quietly, its PostgreSQL last (after the connection pool has shut down).
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
