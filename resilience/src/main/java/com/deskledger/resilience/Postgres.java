package com.deskledger.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the harness's own: initdb and pg_ctl in a temporary directory, on a free port, so that it
 * can be restarted and killed without touching the machine's service (127.0.0.1:5432) or anybody else's server.
 * PostgreSQL refuses to run as root; when the harness is root, every server command runs as the {@code postgres}
 * user through runuser, and the directory is handed to that user. Settings are production-like where a crash can
 * tell (fsync and synchronous commit on).
 */
final class Postgres implements AutoCloseable {

    final Path dir;
    final int port;
    private final Path bin;
    private final Path data;
    private final Path log;
    private final boolean asRoot;

    private Postgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.data = dir.resolve("pgdata");
        this.log = dir.resolve("postgres.log");
        this.asRoot = "root".equals(System.getProperty("user.name"));
    }

    static Postgres create(String configuredBin) throws Exception {
        Path bin = configuredBin.isEmpty() ? findBin() : Path.of(configuredBin);
        if (!Files.isExecutable(bin.resolve("pg_ctl"))) {
            throw new IllegalStateException("no pg_ctl in " + bin + " (set RESILIENCE_PG_BIN to PostgreSQL's bin"
                    + " directory)");
        }
        Path dir = Files.createTempDirectory("deskledger-resilience-");
        int port = freePort();
        while (port == 5432) {
            // never the machine's service port, even should the system hand it out
            port = freePort();
        }
        Postgres pg = new Postgres(bin, dir, port);
        if (pg.asRoot) {
            run(List.of("chown", "-R", "postgres:", dir.toString()));
        }
        pg.server(List.of(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--no-sync"));
        Files.writeString(pg.data.resolve("postgresql.auto.conf"), String.join("\n",
                "port = " + pg.port,
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + dir + "'",
                // two application nodes (pools of 32), the harness's checks and the node's own tools
                "max_connections = 200",
                "fsync = on",
                "synchronous_commit = on",
                "shared_buffers = 128MB",
                "") + "\n");
        pg.start();
        return pg;
    }

    private static Path findBin() {
        Path root = Path.of("/usr/lib/postgresql");
        try (var versions = Files.list(root)) {
            Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
            return newest.orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL under /usr/lib/postgresql; set RESILIENCE_PG_BIN", e);
        }
    }

    String adminUrl() {
        return url("postgres");
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A fresh database for one experiment. */
    String createDatabase(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        return url(name);
    }

    void start() throws Exception {
        pgCtl("-w", "-t", "120", "start");
    }

    /** {@code pg_ctl restart -m fast}: connections are closed, open transactions roll back, then it starts again. */
    void restartFast() throws Exception {
        pgCtl("-m", "fast", "-w", "-t", "120", "restart");
    }

    /**
     * kill -9 of the postmaster, as a crash of the server would do it. Its backends notice their parent is gone and
     * exit by themselves; any that is still there after five seconds is killed too (a new postmaster refuses to
     * start while an old backend holds the shared memory). Answers the postmaster's pid.
     */
    long killPostmaster() throws Exception {
        long pid = postmasterPid();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() ->
                new IllegalStateException("no postmaster with pid " + pid));
        List<ProcessHandle> children = new ArrayList<>(postmaster.children().toList());
        postmaster.destroyForcibly();
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline && children.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(100);
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                Resilience.log("backend " + child.pid() + " outlived its postmaster; killing it");
                child.destroyForcibly();
            }
        }
        return pid;
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    @Override
    public void close() {
        try {
            pgCtl("-m", "immediate", "-w", "stop");
        } catch (Exception e) {
            Resilience.log("could not stop the harness's PostgreSQL: " + e.getMessage());
        }
        if (!"1".equals(System.getenv("RESILIENCE_KEEP"))) {
            try {
                run(List.of("rm", "-rf", dir.toString()));
            } catch (Exception e) {
                Resilience.log("could not remove " + dir);
            }
        }
    }

    private void pgCtl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", log.toString()));
        command.addAll(List.of(args));
        server(command);
    }

    private void server(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output.trim());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
