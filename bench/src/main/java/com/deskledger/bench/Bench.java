package com.deskledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole benchmark in one run: PostgreSQL's own insert limit, then the application (a separate process with
 * -Xmx512m) driven over HTTP: commands, freshness, a long-lived member, replays, dashboard queries and memory.
 * Writes {@code results.json} and {@code BENCHMARKS.md}. Settings come from environment variables (see bench/run).
 */
public final class Bench {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Path out;
    private final Path jar;
    private final int levelSeconds = intEnv("BENCH_SECONDS", 30);
    private final int limitSeconds = intEnv("BENCH_LIMIT_SECONDS", 15);
    private final int fillSeconds = intEnv("BENCH_FILL_SECONDS", 0);
    private final int longMemberEvents = intEnv("BENCH_LONG_MEMBER_EVENTS", 5000);
    private final int queryRepeats = intEnv("BENCH_QUERY_REPEATS", 100);

    private Bench(Path out, Path jar) {
        this.out = out;
        this.jar = jar;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("import")) {
            // issue 20's import benchmark (bench/import-run): its own run, not part of the whole benchmark
            ImportBench.main(Path.of(args.length > 1 ? args[1] : "bench/out"),
                    Path.of(args.length > 2 ? args[2] : "infra/target/deskledger.jar"));
            return;
        }
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out");
        Path jar = Path.of(args.length > 1 ? args[1] : "infra/target/deskledger.jar");
        Files.createDirectories(out);
        new Bench(out, jar).run();
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        EmbeddedPostgres embedded = null;
        String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
        String server = "PostgreSQL service on 127.0.0.1:5432";
        if (intEnv("BENCH_EMBEDDED", 0) == 1 || !answers("127.0.0.1", 5432)) {
            embedded = EmbeddedPostgres.builder().setPort(freePort()).start();
            adminUrl = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres";
            server = "embedded PostgreSQL (zonky) on port " + embedded.getPort();
        }
        String db = "deskledger_bench_" + System.currentTimeMillis();
        String pgVersion;
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create database " + db);
            try (ResultSet r = s.executeQuery("show server_version")) {
                r.next();
                pgVersion = r.getString(1);
            }
        }
        String dbUrl = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + db;
        log("database " + db + " on " + server);
        results.put("settings", settings(server, pgVersion, db, started));

        Map<String, Object> limit = new LimitBenchmark(dbUrl, limitSeconds).run();
        results.put("limit", limit);
        writeResults();

        AppProcess app = AppProcess.start(jar, dbUrl, out.resolve("app.log"));
        try {
            AppDriver driver = new AppDriver(app, results, out, levelSeconds, fillSeconds, longMemberEvents,
                    queryRepeats, dbUrl);
            driver.runAll(limit, this::writeResults);
        } finally {
            results.put("memory", app.memory());
            app.stop();
            writeResults();
        }
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + db + " with (force)");
        } catch (SQLException e) {
            log("could not drop " + db + ": " + e.getMessage());
        }
        if (embedded != null) {
            embedded.close();
        }
        results.put("totalSeconds", (System.currentTimeMillis() - started.toEpochMilli()) / 1000);
        writeResults();
        Files.writeString(out.resolve("BENCHMARKS.md"), Report.markdown(results));
        log("done: " + out.resolve("results.json") + " and " + out.resolve("BENCHMARKS.md"));
    }

    private Map<String, Object> settings(String server, String pgVersion, String db, Instant started)
            throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("date", DateTimeFormatter.ISO_INSTANT.format(started.atOffset(ZoneOffset.UTC)));
        s.put("cpu", cpuModel());
        s.put("cores", Runtime.getRuntime().availableProcessors());
        s.put("memoryMb", memTotalMb());
        s.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        s.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        s.put("postgres", server + ", version " + pgVersion);
        s.put("database", db);
        s.put("appHeap", "-Xmx512m");
        s.put("secondsPerLevel", levelSeconds);
        s.put("limitSecondsPerLevel", limitSeconds);
        s.put("fillSeconds", fillSeconds);
        s.put("loadAverageAtStart", loadAverage());
        // what else ran on the machine meanwhile, as the person who started the run tells it
        String note = System.getenv("BENCH_NOTE");
        if (note != null && !note.isBlank()) {
            s.put("note", note);
        }
        return s;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() throws IOException {
        Path p = Path.of("/proc/cpuinfo");
        if (!Files.exists(p)) {
            return System.getProperty("os.arch");
        }
        return Files.readAllLines(p).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    private static long memTotalMb() throws IOException {
        Path p = Path.of("/proc/meminfo");
        if (!Files.exists(p)) {
            return -1;
        }
        return Files.readAllLines(p).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1L);
    }

    private void writeResults() {
        try {
            JSON.writeValue(out.resolve("results.json").toFile(), results);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new java.net.InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    static void log(String message) {
        System.out.println(Instant.now() + " " + message);
    }

    /** PostgreSQL's own rate of single-row insert transactions into a table shaped like the event table. */
    static final class LimitBenchmark {

        private final String url;
        private final int seconds;

        LimitBenchmark(String url, int seconds) {
            this.url = url;
            this.seconds = seconds;
        }

        Map<String, Object> run() throws Exception {
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("create table bench_limit (globalindex bigserial primary key,"
                        + " aggregateidentifier varchar(255) not null, sequencenumber bigint not null,"
                        + " eventidentifier varchar(255) not null unique, payloadtype varchar(255) not null,"
                        + " timestamp varchar(255) not null, metadata bytea, payload bytea not null,"
                        + " unique (aggregateidentifier, sequencenumber))");
            }
            Map<String, Object> r = new LinkedHashMap<>();
            for (int clients : new int[] {8, 32}) {
                r.put("clients" + clients, level(clients));
            }
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("drop table bench_limit");
            }
            return r;
        }

        private Map<String, Object> level(int clients) throws Exception {
            byte[] payload = new byte[600];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) ('a' + i % 26);
            }
            byte[] metadata = "{\"user\":\"reception\",\"centre\":\"main\",\"correlationId\":\"x\"}".getBytes();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong count = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            List<long[]> latencies = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                long[][] holder = new long[1][];
                Thread thread = new Thread(() -> {
                    Latencies lat = new Latencies();
                    try (Connection c = DriverManager.getConnection(url, "postgres", "");
                         PreparedStatement ps = c.prepareStatement("insert into bench_limit (aggregateidentifier,"
                                 + " sequencenumber, eventidentifier, payloadtype, timestamp, metadata, payload)"
                                 + " values (?,?,?,?,?,?,?)")) {
                        c.setAutoCommit(true);
                        String aggregate = UUID.randomUUID().toString();
                        long seq = 0;
                        while (!stop.get()) {
                            long t0 = System.nanoTime();
                            if (seq % 20 == 0) {
                                aggregate = UUID.randomUUID().toString();
                            }
                            ps.setString(1, aggregate);
                            ps.setLong(2, seq++ % 20);
                            ps.setString(3, UUID.randomUUID().toString());
                            ps.setString(4, "com.deskledger.kernel.visit.event.VisitStartedEvent");
                            ps.setString(5, Instant.now().toString());
                            ps.setBytes(6, metadata);
                            ps.setBytes(7, payload);
                            ps.executeUpdate();
                            lat.add(System.nanoTime() - t0);
                            count.incrementAndGet();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    synchronized (latencies) {
                        latencies.add(lat.toArray());
                    }
                });
                threads.add(thread);
                thread.start();
            }
            Thread.sleep(2000);
            long c0 = count.get();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long c1 = count.get();
            double elapsed = (System.nanoTime() - t0) / 1e9;
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("clients", clients);
            r.put("insertsPerSecond", round((c1 - c0) / elapsed));
            r.putAll(Latencies.summary(latencies));
            r.put("loadAverage", loadAverage());
            log("limit at " + clients + " clients: " + r);
            return r;
        }
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
