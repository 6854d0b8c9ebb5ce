package com.deskledger.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application node: the packaged jar in its own JVM (-Xmx512m) on a fixed port, against the harness's
 * database, as bench/AppProcess starts it. The port stays the same across a kill and restart, so clients carry on
 * against the same address.
 */
final class AppNode {

    /** How long a start may take (RESILIENCE_START_SECONDS, 240): a machine shared with other builds is slow. */
    private static final int START_SECONDS = Integer.parseInt(System.getenv().getOrDefault(
            "RESILIENCE_START_SECONDS", "240"));

    final String name;
    final int port;
    final String base;
    private final Path jar;
    private final String dbUrl;
    private final Path logDir;
    private final List<String> extraArgs;
    private Process process;
    private int starts;

    AppNode(String name, Path jar, String dbUrl, Path logDir, List<String> extraArgs) throws IOException {
        this.name = name;
        this.jar = jar;
        this.dbUrl = dbUrl;
        this.logDir = logDir;
        this.extraArgs = extraArgs;
        this.port = Postgres.freePort();
        this.base = "http://127.0.0.1:" + port;
    }

    /** The log of the n-th start of this node (1-based). */
    Path log(int start) {
        return logDir.resolve(name + (start == 1 ? "" : "-" + start) + ".log");
    }

    int starts() {
        return starts;
    }

    /** Starts the JVM and waits until /actuator/health answers UP; answers the seconds it took. */
    double start() throws Exception {
        starts++;
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--deskledger.demo-users=true",
                // the node's id names it in segment claims, picked_by and log lines
                "--deskledger.node.id=" + name,
                "--deskledger.data-dir=" + logDir.resolve(name + "-data"),
                // the application's signing keys (outside the database): one directory for every node of the run
                "--deskledger.keys.dir=" + logDir.resolve("keys"),
                "--deskledger.keys.generate=true",
                // a post worked on any day at any hour, so that shifts can be clocked whenever the harness runs
                "--deskledger.shifts.posts.resilience.name=Resilience post",
                "--deskledger.shifts.posts.resilience.start=00:00",
                "--deskledger.shifts.posts.resilience.end=23:59"));
        command.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        pb.environment().put("DESKLEDGER_DB_URL", dbUrl);
        pb.environment().put("DESKLEDGER_DB_USER", "postgres");
        pb.environment().put("DESKLEDGER_DB_PASSWORD", "");
        pb.redirectErrorStream(true).redirectOutput(log(starts).toFile());
        long t0 = System.nanoTime();
        process = pb.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.currentTimeMillis() + START_SECONDS * 1000L;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + log(starts));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.currentTimeMillis() > deadline) {
                stop();
                throw new IllegalStateException(name + " did not start within " + START_SECONDS + " s; see "
                        + log(starts));
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Resilience.log(name + " up at " + base + " (pid " + process.pid() + ") in " + Report.round1(seconds) + " s");
        return seconds;
    }

    /** kill -9: no shutdown hook, no graceful close of anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        Resilience.log(name + " killed (kill -9, pid " + process.pid() + ")");
    }

    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }
}
