package com.deskledger.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issue 20's part 4: a member file of {@code IMPORT_BENCH_MEMBERS} (100,000) rows generated to disk, uploaded to the
 * application (its own JVM, {@code -Xmx512m}) and imported, while {@code IMPORT_BENCH_CLIENTS} (4) desk clients each
 * send a visit every {@code IMPORT_BENCH_PACE_MS} (100 ms). Measures the upload with its dry run, the import's rows a
 * second, the p50/p99 of the live commands before and during the import, and the application's peak heap and RSS.
 * Writes {@code import-results.json} and {@code IMPORT.md} into the output directory. Run with {@code bench/import-run}.
 */
final class ImportBench {

    private final Path out;
    private final Path jar;
    private final int members = Bench.intEnv("IMPORT_BENCH_MEMBERS", 100_000);
    private final int clients = Bench.intEnv("IMPORT_BENCH_CLIENTS", 4);
    private final int paceMs = Bench.intEnv("IMPORT_BENCH_PACE_MS", 100);
    private final int baselineSeconds = Bench.intEnv("IMPORT_BENCH_BASELINE_SECONDS", 15);

    private ImportBench(Path out, Path jar) {
        this.out = out;
        this.jar = jar;
    }

    static void main(Path out, Path jar) throws Exception {
        Files.createDirectories(out);
        new ImportBench(out, jar).run();
    }

    private void run() throws Exception {
        String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
        String db = "deskledger_import_bench_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create database " + db);
        }
        Path csv = out.resolve("import-bench-members.csv");
        long bytes = generate(csv);
        Bench.log("generated " + members + " members, " + bytes / 1024 + " KB: " + csv);
        AppProcess app = AppProcess.start(jar, "jdbc:postgresql://127.0.0.1:5432/" + db, out.resolve("import-app.log"));
        Map<String, Object> results = new LinkedHashMap<>();
        try {
            results.put("members", members);
            results.put("fileKb", bytes / 1024);
            results.put("liveClients", clients);
            results.put("livePaceMs", paceMs);
            results.put("baseline", live(app, () -> sleep(baselineSeconds * 1000L)));

            Instant uploadStart = Instant.now();
            HttpResponse<String> uploaded = app.http.send(HttpRequest.newBuilder(URI.create(app.base
                            + "/api/imports/members?centre=main&fileName=import-bench.csv"))
                    .header("Authorization", AppProcess.basic("admin")).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofFile(csv)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (uploaded.statusCode() != 201) {
                throw new IllegalStateException("upload answered " + uploaded.statusCode() + ": " + uploaded.body());
            }
            double uploadSeconds = Duration.between(uploadStart, Instant.now()).toMillis() / 1000.0;
            JsonNode dry = Bench.parse(uploaded.body()).path("importStatus");
            String id = dry.path("id").asText();
            results.put("uploadAndDryRunSeconds", uploadSeconds);
            results.put("dryRunProblems", dry.path("problems").asInt());
            Bench.log("upload and dry run: " + uploadSeconds + " s, problems " + dry.path("problems").asInt());

            Instant importStart = Instant.now();
            JsonNode[] last = new JsonNode[1];
            Map<String, Object> during = live(app, () -> {
                post(app, "/api/imports/members/" + id + "/commit", "{}");
                while (true) {
                    sleep(1000);
                    last[0] = Bench.parse(get(app, "/api/imports/members/" + id));
                    Bench.log("import: read " + last[0].path("read").asInt() + ", imported "
                            + last[0].path("imported").asInt() + ", " + last[0].path("ratePerSecond").asDouble()
                            + " rows/s, " + last[0].path("secondsLeft").asText() + " s left");
                    if (!"RUNNING".equals(last[0].path("status").asText())) {
                        return;
                    }
                }
            });
            double importSeconds = Duration.between(importStart, Instant.now()).toMillis() / 1000.0;
            results.put("importStatus", last[0].path("status").asText());
            results.put("imported", last[0].path("imported").asInt());
            results.put("skipped", last[0].path("skipped").asInt());
            results.put("failed", last[0].path("failed").asInt());
            results.put("importSeconds", importSeconds);
            results.put("rowsPerSecond", Math.round(members / importSeconds * 10) / 10.0);
            results.put("duringImport", during);
            results.put("memory", app.memory());
        } finally {
            app.stop();
        }
        Files.writeString(out.resolve("import-results.json"), Bench.JSON.writeValueAsString(results));
        Files.writeString(out.resolve("IMPORT.md"), markdown(results));
        Bench.log("wrote " + out.resolve("import-results.json") + " and IMPORT.md");
    }

    /** Live desk commands (visits as a receptionist) at a fixed pace while {@code during} runs; their latencies. */
    private Map<String, Object> live(AppProcess app, Runnable during) throws InterruptedException {
        AtomicBoolean go = new AtomicBoolean(true);
        List<Latencies> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] errors = new int[clients];
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            int client = c;
            Thread t = new Thread(() -> {
                while (go.get()) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = app.http.send(HttpRequest.newBuilder(URI.create(app.base
                                        + "/api/visits")).header("Authorization", AppProcess.basic("reception"))
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"channel\":\"WALK_IN\",\"purpose\":\"CONSULTATION\"}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            mine.add(System.nanoTime() - start);
                        } else {
                            errors[client]++;
                        }
                    } catch (Exception e) {
                        errors[client]++;
                    }
                    long left = paceMs - (System.nanoTime() - start) / 1_000_000;
                    if (left > 0) {
                        sleep(left);
                    }
                }
            }, "live-desk-" + c);
            threads.add(t);
            t.start();
        }
        try {
            during.run();
        } finally {
            go.set(false);
            for (Thread t : threads) {
                t.join();
            }
        }
        Map<String, Object> summary = Latencies.summary(latencies.stream().map(Latencies::toArray).toList());
        summary.put("errors", java.util.Arrays.stream(errors).sum());
        return summary;
    }

    /** A file as a centre would fill the template: children and adults, packs and memberships, some frozen. */
    private long generate(Path csv) throws Exception {
        LocalDate today = LocalDate.now();
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("\uFEFF会员编号/member_number,会员类型/kind,姓名/name,电话/phone,监护人姓名/guardian_name,"
                    + "监护人电话/guardian_phone,套餐类型/package_kind,套餐名称/plan,购买课时/credits,剩余课时/credits_left,"
                    + "开始日期/valid_from,截止日期/valid_until,实付金额/price_paid,支付方式/payment_method,"
                    + "购买日期/purchase_date,状态/status\r\n");
            for (int i = 0; i < members; i++) {
                boolean child = i % 2 == 0;
                boolean pack = i % 3 != 0;
                w.write(String.join(",", "BEN-" + i, child ? "CHILD" : "ADULT", (child ? "Kid " : "Adult ") + i,
                        child ? "" : "137" + String.format("%08d", i), child ? "Parent " + i : "",
                        child ? "139" + String.format("%08d", i) : "", pack ? "CREDIT_PACK" : "TIME_MEMBERSHIP",
                        pack ? "Phonics 20" : "Gym year", pack ? "20" : "", pack ? Integer.toString(i % 21) : "",
                        pack ? "" : today.minusDays(30).toString(), pack ? "" : today.plusDays(300).toString(),
                        pack ? "3580.00" : "3600.00", "WECHAT_PAY", today.minusDays(40).toString(),
                        i % 50 == 0 ? "FROZEN" : "ACTIVE"));
                w.write("\r\n");
            }
        }
        return Files.size(csv);
    }

    private static String get(AppProcess app, String path) {
        try {
            return app.http.send(HttpRequest.newBuilder(URI.create(app.base + path))
                    .header("Authorization", AppProcess.basic("admin")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path, e);
        }
    }

    private static void post(AppProcess app, String path, String json) {
        try {
            HttpResponse<String> r = app.http.send(HttpRequest.newBuilder(URI.create(app.base + path))
                    .header("Authorization", AppProcess.basic("admin")).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path, e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> r) {
        Map<String, Object> base = (Map<String, Object>) r.get("baseline");
        Map<String, Object> during = (Map<String, Object>) r.get("duringImport");
        Map<String, Object> memory = (Map<String, Object>) r.get("memory");
        return "| figure | result |\n|---|---|\n"
                + "| members in the file | " + r.get("members") + " (" + r.get("fileKb") + " KB) |\n"
                + "| upload and dry run | " + r.get("uploadAndDryRunSeconds") + " s |\n"
                + "| import | " + r.get("importSeconds") + " s, " + r.get("rowsPerSecond") + " rows/s ("
                + r.get("imported") + " imported, " + r.get("failed") + " failed) |\n"
                + "| live commands before the import (" + r.get("liveClients") + " clients, one visit each every "
                + r.get("livePaceMs") + " ms) | median " + base.get("medianMs") + " ms, p99 " + base.get("p99Ms")
                + " ms (" + base.get("samples") + " commands) |\n"
                + "| live commands during the import | median " + during.get("medianMs") + " ms, p99 "
                + during.get("p99Ms") + " ms (" + during.get("samples") + " commands, " + during.get("errors")
                + " errors) |\n"
                + "| application memory (-Xmx512m) | peak heap " + memory.get("peakHeapUsedMb") + " MB, peak RSS "
                + memory.get("peakRssMb") + " MB |\n";
    }
}
