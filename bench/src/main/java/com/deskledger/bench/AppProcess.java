package com.deskledger.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The application jar in its own JVM (-Xmx512m), with a sampler of its heap and resident memory. */
final class AppProcess {

    final String base;
    final HttpClient http;
    private final Process process;
    private final Thread sampler;
    private volatile boolean sampling = true;
    private volatile double peakHeapBytes;
    private volatile long peakRssKb;

    private AppProcess(Process process, int port) {
        this.process = process;
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.sampler = new Thread(this::sample, "memory-sampler");
        this.sampler.setDaemon(true);
    }

    static AppProcess start(Path jar, String dbUrl, Path logFile) throws Exception {
        int port = Bench.freePort();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m"));
        // extra JVM options for the application only, e.g. a flight recording while profiling
        String extra = System.getenv().getOrDefault("BENCH_APP_JVM_OPTS", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--deskledger.demo-users=true",
                "--deskledger.data-dir=" + logFile.getParent().resolve("data"),
                // the application's signing keys (README, Replay and audit): made at the first start of the run
                "--deskledger.keys.dir=" + logFile.getParent().resolve("keys"), "--deskledger.keys.generate=true",
                // a post worked on any day, so that shifts can be clocked whatever day the benchmark runs
                "--deskledger.shifts.posts.bench.name=Benchmark post",
                "--deskledger.shifts.posts.bench.start=00:00",
                "--deskledger.shifts.posts.bench.end=23:59",
                // two more centres for the generated year (bench/StoreGenerator): main, east, north, south
                "--deskledger.centres.north.name=North centre", "--deskledger.centres.north.zone=Asia/Shanghai",
                "--deskledger.centres.south.name=South centre", "--deskledger.centres.south.zone=Asia/Shanghai"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        pb.environment().put("DESKLEDGER_DB_URL", dbUrl);
        pb.environment().put("DESKLEDGER_DB_USER", "postgres");
        pb.environment().put("DESKLEDGER_DB_PASSWORD", "");
        pb.redirectErrorStream(true).redirectOutput(logFile.toFile());
        AppProcess app = new AppProcess(pb.start(), port);
        long deadline = System.currentTimeMillis() + 240_000;
        while (true) {
            if (!app.process.isAlive()) {
                throw new IllegalStateException("the application exited; see " + logFile);
            }
            try {
                HttpResponse<String> r = app.http.send(HttpRequest.newBuilder(URI.create(app.base
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.currentTimeMillis() > deadline) {
                app.stop();
                throw new IllegalStateException("the application did not start; see " + logFile);
            }
            Thread.sleep(500);
        }
        Bench.log("application up at " + app.base + " (pid " + app.process.pid() + ")");
        app.sampler.start();
        return app;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes());
    }

    private void sample() {
        while (sampling) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                                + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                        .header("Authorization", basic("admin")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    JsonNode m = Bench.parse(r.body()).path("measurements");
                    if (m.size() > 0) {
                        peakHeapBytes = Math.max(peakHeapBytes, m.get(0).path("value").asDouble());
                    }
                }
                peakRssKb = Math.max(peakRssKb, statusKb("VmHWM"));
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a missed sample is not a failure of the run
            }
        }
    }

    private long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    long pid() {
        return process.pid();
    }

    Map<String, Object> memory() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heapLimit", "-Xmx512m");
        m.put("peakHeapUsedMb", Math.round(peakHeapBytes / (1024 * 1024)));
        m.put("peakHeapSampling", "jvm.memory.used{area=heap} from /actuator/metrics every 0.5 s");
        long hwm = Math.max(peakRssKb, statusKb("VmHWM"));
        m.put("peakRssMb", hwm / 1024);
        m.put("rssAtEndMb", statusKb("VmRSS") / 1024);
        m.put("peakRssSource", "VmHWM of /proc/<pid>/status");
        return m;
    }

    void stop() throws InterruptedException {
        sampling = false;
        sampler.interrupt();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
