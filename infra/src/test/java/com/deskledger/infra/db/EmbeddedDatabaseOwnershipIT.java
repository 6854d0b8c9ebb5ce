package com.deskledger.infra.db;

import com.deskledger.infra.support.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who owns an embedded database's data directory. The first owner runs in a JVM of its own
 * ({@link EmbeddedDatabaseHolder}), as a first DeskLedger would: a live owner makes a second one refuse and keeps
 * its database; a killed owner's server is stopped and the directory reused with its data.
 */
class EmbeddedDatabaseOwnershipIT {

    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void refusesADirectoryWhoseOwnerIsAliveAndLeavesItsDatabaseAlone() throws Exception {
        try (ChildProcess first = holder()) {
            String[] ready = first.await(line -> line.startsWith("READY "), START).split(" ");
            int port = Integer.parseInt(ready[1]);
            long postmaster = Long.parseLong(ready[2]);

            assertThatThrownBy(() -> EmbeddedDatabase.open(dir, 0))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining(dir.toAbsolutePath().normalize().toString())
                    .hasMessageContaining("DeskLedger (process " + first.pid() + ")")
                    .hasMessageContaining("PostgreSQL is process " + postmaster + " on port " + port);

            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
            assertThat(notes(port)).containsExactly("written by the first owner");

            first.closeInput();
            assertThat(first.awaitExit(Duration.ofSeconds(60))).isZero();
        }
        // the owner stopped its server when it ended, and the directory is free again
        assertThat(Files.exists(dir.resolve("postgres/postmaster.pid"))).isFalse();
        try (EmbeddedDatabase again = EmbeddedDatabase.open(dir, 0)) {
            assertThat(notes(again.port())).containsExactly("written by the first owner");
        }
    }

    @Test
    void stopsTheServerOfAKilledOwnerAndReusesTheDirectory() throws Exception {
        long orphan;
        try (ChildProcess first = holder()) {
            orphan = Long.parseLong(first.await(line -> line.startsWith("READY "), START).split(" ")[2]);
            first.kill();
            first.awaitExit(Duration.ofSeconds(30));
        }
        // kill -9 of the owner leaves its PostgreSQL running, holding the data directory
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir, 0)) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(EmbeddedDatabase.Postmaster.read(db.dataDirectory()).orElseThrow().pid()).isNotEqualTo(orphan);
            assertThat(notes(db.port())).containsExactly("written by the first owner");
        }
    }

    private ChildProcess holder() {
        return ChildProcess.start(List.of(ChildProcess.java(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseHolder.class.getName(), dir.toString()), List.of());
    }

    private static List<String> notes(int port) throws Exception {
        try (Connection c = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/" + EmbeddedDatabase.DATABASE, EmbeddedDatabase.USER, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select note from kept")) {
            List<String> notes = new java.util.ArrayList<>();
            while (rs.next()) {
                notes.add(rs.getString(1));
            }
            return notes;
        }
    }
}
