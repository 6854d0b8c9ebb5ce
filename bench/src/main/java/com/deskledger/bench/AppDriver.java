package com.deskledger.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Drives the running application over HTTP with Basic authentication, as a desk client would. */
final class AppDriver {

    private static final ZoneId CENTRE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int MEMBERS = 200;

    private final AppProcess app;
    private final Map<String, Object> results;
    private final int levelSeconds;
    private final int fillSeconds;
    private final int longMemberEvents;
    private final int queryRepeats;
    private final String dbUrl;
    private final List<String> members = new ArrayList<>();
    /** How many class sessions each member has checked in to so far (the mix walks each member's timetable). */
    private final Map<String, AtomicLong> attended = new ConcurrentHashMap<>();
    private final AtomicLong unique = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private String sampleVisit;
    private String sampleComplaint;
    private Map<String, Object> generated;
    private Map<String, Object> generatedSamples = Map.of();

    AppDriver(AppProcess app, Map<String, Object> results, Path out, int levelSeconds, int fillSeconds,
              int longMemberEvents, int queryRepeats, String dbUrl) {
        this.app = app;
        this.results = results;
        this.levelSeconds = levelSeconds;
        this.fillSeconds = fillSeconds;
        this.longMemberEvents = longMemberEvents;
        this.queryRepeats = queryRepeats;
        this.dbUrl = dbUrl;
    }

    void runAll(Map<String, Object> limit, Runnable save) throws Exception {
        setUp();
        if (Bench.intEnv("BENCH_SKIP_LOAD", 0) == 1) {
            // development: only the generated store, its replays and the queries
            generateStore(save);
            results.put("store", store());
            results.put("replay", replay());
            save.run();
            results.put("vacuum", vacuum());
            results.put("queries", queries());
            results.put("errors", errors);
            save.run();
            return;
        }
        Bench.log("warm-up");
        load(8, 10, false);
        Map<String, Object> commands = new LinkedHashMap<>();
        Map<String, Object> freshness = null;
        for (int clients : new int[] {1, 8, 32}) {
            Map<String, Object> level = load(clients, levelSeconds, clients == 8);
            if (clients == 8) {
                freshness = (Map<String, Object>) level.remove("freshness");
            }
            double limitRate = limitRate(limit, clients);
            level.put("insertLimitPerSecond", limitRate);
            level.put("ratioToInsertLimit", Math.round((double) level.get("commandsPerSecond") / limitRate * 1000)
                    / 1000.0);
            commands.put("clients" + clients, level);
            results.put("commands", commands);
            save.run();
        }
        results.put("freshness", freshness);
        if (fillSeconds > 0) {
            Bench.log("filling the store for " + fillSeconds + " s at 32 clients");
            Map<String, Object> fill = load(32, fillSeconds, false);
            results.put("fill", fill);
        }
        results.put("longMember", longMember());
        save.run();
        generateStore(save);
        results.put("store", store());
        results.put("replay", replay());
        save.run();
        results.put("vacuum", vacuum());
        results.put("queries", queries());
        results.put("errors", errors);
        save.run();
    }

    /**
     * What autovacuum would have done by now on a production server: statistics for the planner, dead rows of the
     * million updates and the replays gone, visibility maps set for index-only scans. The PostgreSQL service of the
     * CI machines runs with autovacuum off, so without this the queries would be measured on tables no production
     * database has (a sales view with 24,000 live and a million dead rows, no statistics at all).
     */
    private Map<String, Object> vacuum() throws Exception {
        long t0 = System.nanoTime();
        String autovacuum;
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("show autovacuum")) {
                r.next();
                autovacuum = r.getString(1);
            }
            s.execute("vacuum (analyze)");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("autovacuumOnServer", autovacuum);
        r.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        r.put("method", "VACUUM (ANALYZE) of the whole database after the replays, before the queries");
        Bench.log("vacuum: " + r);
        return r;
    }

    private static double limitRate(Map<String, Object> limit, int clients) {
        Map<String, Object> l = (Map<String, Object>) limit.get(clients == 32 ? "clients32" : "clients8");
        return (double) l.get("insertsPerSecond");
    }

    // ------------------------------------------------------------------ HTTP

    record Answer(int status, String body, HttpResponse<String> response) {

        JsonNode json() {
            return Bench.parse(body);
        }
    }

    Answer post(String user, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.base + path))
                .header("Authorization", AppProcess.basic(user)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return send(request);
    }

    Answer get(String user, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.base + path))
                .header("Authorization", AppProcess.basic(user)).timeout(Duration.ofSeconds(30)).GET().build();
        return send(request);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = app.http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (java.io.IOException e) {
            return new Answer(-1, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", null);
        }
    }

    private Answer expect(Answer a, String what) {
        if (a.status() / 100 != 2) {
            String key = what + " " + a.status();
            errors.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            if (errors.get(key).get() <= 3) {
                Bench.log("unexpected " + key + ": " + a.body());
            }
        }
        return a;
    }

    // ------------------------------------------------------------------ set-up and the command mix

    private void setUp() {
        Bench.log("enrolling " + MEMBERS + " members with credit packs");
        for (int i = 0; i < MEMBERS; i++) {
            String id = enrolWithPack(10_000);
            if (id != null) {
                members.add(id);
            }
        }
    }

    private String enrolWithPack(int credits) {
        long n = unique.incrementAndGet();
        Answer a = expect(post("reception", "/api/members", "{\"kind\":\"ADULT\",\"name\":\"Bench Member " + n
                + "\",\"phone\":\"139" + String.format("%08d", n % 100_000_000) + "\"}"), "enrol");
        if (a.status() != 201) {
            return null;
        }
        String id = a.json().path("id").asText();
        expect(post("reception", "/api/members/" + id + "/packages", "{\"plan\":\"Bench " + credits
                + "\",\"kind\":\"CREDIT_PACK\",\"credits\":" + credits
                + ",\"price\":{\"minor\":100000},\"paymentMethod\":\"CARD\"}"), "package");
        return id;
    }

    /** One step of the mix: answers the latencies of the commands it sent (nanoseconds). */
    private void step(Latencies lat, AtomicLong commands) {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 40) {
            visit(lat, commands);
        } else if (dice < 75) {
            checkIn(lat, commands, members.get(ThreadLocalRandom.current().nextInt(members.size())));
        } else if (dice < 90) {
            complaint(lat, commands);
        } else {
            shift(lat, commands);
        }
    }

    private Answer timed(Latencies lat, AtomicLong commands, String what, String user, String path, String body) {
        long t0 = System.nanoTime();
        Answer a = post(user, path, body);
        long t = System.nanoTime() - t0;
        expect(a, what);
        if (a.status() / 100 == 2) {
            lat.add(t);
            commands.incrementAndGet();
        }
        return a;
    }

    private void visit(Latencies lat, AtomicLong commands) {
        boolean call = ThreadLocalRandom.current().nextBoolean();
        Answer a = timed(lat, commands, "visit start", "reception", "/api/visits", call
                ? "{\"channel\":\"CALL_IN\",\"purpose\":\"CONSULTATION\",\"rings\":"
                + (1 + ThreadLocalRandom.current().nextInt(6)) + "}"
                : "{\"channel\":\"WALK_IN\",\"purpose\":\"CLASS_PICK_UP\"}");
        if (a.status() != 201) {
            return;
        }
        String id = a.json().path("id").asText();
        sampleVisit = id;
        if (ThreadLocalRandom.current().nextInt(2) == 0) {
            timed(lat, commands, "message", "reception", "/api/visits/" + id + "/messages",
                    "{\"recipient\":\"Teacher Li\",\"callbackNumber\":\"13812345678\","
                            + "\"content\":\"Call back about the trial class on Saturday\"}");
        }
        timed(lat, commands, "visit end", "reception", "/api/visits/" + id + "/end", "{\"outcome\":\"RESOLVED\"}");
    }

    /** A centre's timetable: these classes every day, on the hour from 09:00 (centre time). */
    private static final String[] CLASSES = {"PHONICS-A", "PHONICS-B", "READING-1", "READING-2", "ART-KIDS",
        "MUSIC-1", "DRAMA", "MATHS-FUN", "SCIENCE-LAB", "ENGLISH-TALK", "LEGO", "BALLET"};

    /**
     * A check-in to the member's next class on the timetable: the k-th check-in of member m goes to class
     * (m + k) mod 12 on day k / 12 from today, so classes fill up as at a real centre (tens of sessions a day, each
     * with many members) and no member checks in to one session twice.
     */
    private void checkIn(Latencies lat, AtomicLong commands, String member) {
        long k = attended.computeIfAbsent(member, m -> new AtomicLong()).getAndIncrement();
        int slot = (int) ((Math.floorMod(member.hashCode(), CLASSES.length) + k) % CLASSES.length);
        Instant start = LocalDate.now(CENTRE_ZONE).plusDays(k / CLASSES.length).atTime(9 + slot, 0)
                .atZone(CENTRE_ZONE).toInstant();
        timed(lat, commands, "check-in", "reception", "/api/members/" + member + "/check-ins",
                "{\"classCode\":\"" + CLASSES[slot] + "\",\"scheduledStart\":\"" + start
                        + "\",\"room\":\"Room " + (1 + slot % 4) + "\"}");
    }

    private void complaint(Latencies lat, AtomicLong commands) {
        Answer a = timed(lat, commands, "complaint", "reception", "/api/complaints",
                "{\"channel\":\"PHONE\",\"category\":\"SERVICE\",\"severity\":\"GENERAL\","
                        + "\"description\":\"The class started fifteen minutes late and nobody told the parents\","
                        + "\"customer\":{\"name\":\"Bench Customer\",\"phone\":\"13700001234\"}}");
        if (a.status() != 201) {
            return;
        }
        String id = a.json().path("id").asText();
        sampleComplaint = id;
        timed(lat, commands, "complaint note", "reception", "/api/complaints/" + id + "/notes",
                "{\"text\":\"Called the parent back and apologised; checking the teacher's timetable\"}");
    }

    private void shift(Latencies lat, AtomicLong commands) {
        long n = unique.incrementAndGet();
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(CENTRE_ZONE);
        LocalTime start = now.toLocalTime().minusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        if (start.isAfter(now.toLocalTime())) {
            start = LocalTime.MIDNIGHT;
        }
        LocalTime end = start.plusHours(8);
        LocalDate date = now.toLocalDate();
        Answer a = timed(lat, commands, "shift schedule", "supervisor", "/api/shifts",
                "{\"staff\":\"bench-staff-" + n + "\",\"date\":\"" + date + "\",\"post\":\"bench\",\"start\":\""
                        + start + "\",\"end\":\"" + end + "\"}");
        if (a.status() != 201) {
            return;
        }
        String id = a.json().path("id").asText();
        timed(lat, commands, "clock-in", "supervisor", "/api/shifts/" + id + "/clock-in", "{}");
        timed(lat, commands, "clock-out", "supervisor", "/api/shifts/" + id + "/clock-out", "{}");
    }

    // ------------------------------------------------------------------ load levels and freshness

    private Map<String, Object> load(int clients, int seconds, boolean probeFreshness) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicLong commands = new AtomicLong();
        List<long[]> parts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                Latencies lat = new Latencies();
                Latencies ignored = new Latencies();
                AtomicLong ignoredCount = new AtomicLong();
                while (!stop.get()) {
                    if (measuring.get()) {
                        step(lat, commands);
                    } else {
                        step(ignored, ignoredCount);
                    }
                }
                synchronized (parts) {
                    parts.add(lat.toArray());
                }
            });
            threads.add(thread);
            thread.start();
        }
        Latencies lag = new Latencies();
        AtomicLong inconsistent = new AtomicLong();
        Thread probe = null;
        if (probeFreshness) {
            probe = new Thread(() -> {
                while (!stop.get()) {
                    if (measuring.get()) {
                        freshnessSample(lag, inconsistent);
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            probe.start();
        }
        Thread.sleep(1000);
        CpuMeter cpu = new CpuMeter(app.pid());
        measuring.set(true);
        long events0 = head();
        CpuMeter.Reading cpu0 = cpu.read();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        CpuMeter.Reading cpu1 = cpu.read();
        long events1 = head();
        long done = commands.get();
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        if (probe != null) {
            probe.join();
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("clients", clients);
        r.put("seconds", seconds);
        r.put("commandsPerSecond", Bench.round(done / elapsed));
        r.put("eventsPerSecond", Bench.round((events1 - events0) / elapsed));
        r.putAll(Latencies.summary(parts));
        r.put("loadAverage", Bench.loadAverage());
        r.put("cpu", CpuMeter.perCommand(cpu0, cpu1, done));
        if (probeFreshness) {
            Map<String, Object> f = new LinkedHashMap<>(Latencies.summary(lag.toArray()));
            f.put("notConsistentWithin2s", inconsistent.get());
            f.put("method", "POST /api/visits, then GET /api/views/reception?position=<its position>: time from the"
                    + " command's response to the view's answer with X-DeskLedger-Consistent: true (includes one"
                    + " query round trip; the server polls the processor's token every 10 ms)");
            r.put("freshness", f);
        }
        Bench.log("load " + clients + " clients: " + r);
        return r;
    }

    private void freshnessSample(Latencies lag, AtomicLong inconsistent) {
        Answer a = expect(post("reception", "/api/visits", "{\"channel\":\"CALL_IN\",\"purpose\":\"BOOKING\","
                + "\"rings\":2}"), "probe visit");
        long t0 = System.nanoTime();
        if (a.status() != 201) {
            return;
        }
        long position = a.json().path("position").asLong();
        Answer view = expect(get("reception", "/api/views/reception?position=" + position), "probe view");
        long t = System.nanoTime() - t0;
        boolean consistent = view.response() != null && "true".equals(
                view.response().headers().firstValue("X-DeskLedger-Consistent").orElse("false"));
        if (consistent) {
            lag.add(t);
        } else {
            inconsistent.incrementAndGet();
        }
    }

    private long head() {
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select coalesce(max(globalindex), 0) from domainevententry")) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ a member with a long history

    private Map<String, Object> longMember() throws Exception {
        Bench.log("writing a member with " + longMemberEvents + " events (years of classes) into the store");
        String member = new StoreGenerator(dbUrl, 0, List.of("main"), 11).longMember(longMemberEvents);
        // the first command loads every event and has a snapshot taken (off the request thread)
        checkIn(new Latencies(), new AtomicLong(), member);
        Thread.sleep(3000);
        long events;
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from domainevententry where aggregateidentifier = '"
                     + member + "'")) {
            r.next();
            events = r.getLong(1);
        }
        String small = members.get(0);
        long snapshotBytes;
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select coalesce(max(length(payload)), 0) from snapshotevententry"
                     + " where aggregateidentifier = '" + member + "'")) {
            r.next();
            snapshotBytes = r.getLong(1);
        }
        Latencies smallLat = new Latencies();
        Latencies withSnapshot = new Latencies();
        Latencies withoutSnapshot = new Latencies();
        AtomicLong count = new AtomicLong();
        for (int i = 0; i < 20; i++) {
            checkIn(smallLat, count, small);
            checkIn(withSnapshot, count, member);
            Thread.sleep(200);
        }
        for (int i = 0; i < 10; i++) {
            Thread.sleep(1000);
            try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
                 Statement s = c.createStatement()) {
                s.executeUpdate("delete from snapshotevententry where aggregateidentifier = '" + member + "'");
            }
            checkIn(withoutSnapshot, count, member);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("events", events);
        r.put("snapshotBytes", snapshotBytes);
        Map<String, Object> a = Latencies.summary(smallLat.toArray());
        Map<String, Object> b = Latencies.summary(withSnapshot.toArray());
        Map<String, Object> c = Latencies.summary(withoutSnapshot.toArray());
        r.put("checkInSmallMember", a);
        r.put("checkInWithSnapshot", b);
        r.put("checkInWithoutSnapshot", c);
        r.put("loadWithSnapshotMs", Bench.round(Math.max(0, (double) b.get("medianMs") - (double) a.get("medianMs"))));
        r.put("loadWithoutSnapshotMs", Bench.round(Math.max(0,
                (double) c.get("medianMs") - (double) a.get("medianMs"))));
        r.put("method", "median latency of a check-in command on this member minus that on a member with a few"
                + " events, sequential, idle app; without snapshot: the member's snapshot rows deleted before each"
                + " command (the snapshot threshold then writes a new one off the request thread); the member's"
                + " history (enrolment, a pack, two classes a day for years) is written by StoreGenerator.longMember");
        Bench.log("long member: " + r);
        return r;
    }

    // ------------------------------------------------------------------ replay and queries

    private Map<String, Object> store() throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet q = s.executeQuery("select count(*), count(distinct aggregateidentifier),"
                     + " pg_total_relation_size('domainevententry') from domainevententry")) {
            q.next();
            r.put("events", q.getLong(1));
            r.put("aggregates", q.getLong(2));
            r.put("eventTableMb", q.getLong(3) / (1024 * 1024));
        }
        r.put("generatedBy", generated == null
                ? "the command API only (the load levels and any fill phase) and the long member's generated history"
                : (Bench.intEnv("BENCH_SKIP_LOAD", 0) == 1 ? "the command API (only the " + MEMBERS + " set-up members)"
                : "the command API (the load levels and any fill phase) and the long member's generated history")
                + ", then "
                + generated.get("events") + " events of a year of " + generated.get("centres") + " written by the"
                + " bench's StoreGenerator in " + generated.get("seconds") + " s");
        return r;
    }

    /**
     * Tops the store up to BENCH_GENERATE_EVENTS (0: off) with a generated year of several centres, then waits for
     * every view to take the new events in (the live processors catch up from where they were).
     */
    private void generateStore(Runnable save) throws Exception {
        int target = Bench.intEnv("BENCH_GENERATE_EVENTS", 1_000_000);
        long have = head();
        if (target <= have) {
            return;
        }
        List<String> centres = List.of(System.getenv().getOrDefault("BENCH_GENERATE_CENTRES",
                "main,east,north,south").split(","));
        Bench.log("generating " + (target - have) + " events of a year of " + centres);
        StoreGenerator generator = new StoreGenerator(dbUrl, (int) (target - have), centres,
                Bench.intEnv("BENCH_GENERATE_SEED", 7));
        generated = new LinkedHashMap<>(generator.run());
        generatedSamples = generator.samples;
        long t0 = System.nanoTime();
        long head = head();
        boolean caughtUp = false;
        while (System.nanoTime() - t0 < 3600e9) {
            Thread.sleep(1000);
            Answer list = get("admin", "/api/admin/projections");
            if (list.status() != 200) {
                // a busy application may not answer within the client's 30 s while the views catch up
                Bench.log("projections did not answer (" + list.status() + "); still waiting");
                caughtUp = false;
                continue;
            }
            caughtUp = true;
            for (JsonNode p : list.json()) {
                if ("streaming".equals(p.path("kind").asText())
                        && (p.path("position").isNull() || p.path("position").asLong() < head)) {
                    caughtUp = false;
                }
            }
            if (caughtUp) {
                break;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> catchUp = new LinkedHashMap<>();
        catchUp.put("events", head);
        catchUp.put("seconds", Bench.round(seconds));
        catchUp.put("caughtUp", caughtUp);
        catchUp.put("method", "every streaming view at once, from where it stood before the generated events");
        generated.put("liveCatchUp", catchUp);
        generated.put("samples", generatedSamples);
        Bench.log("views caught up with the generated store: " + catchUp);
        results.put("generated", generated);
        save.run();
    }

    private Map<String, Object> replay() throws Exception {
        Answer list = expect(get("admin", "/api/admin/projections"), "projections");
        Map<String, Object> r = new LinkedHashMap<>();
        for (JsonNode p : list.json()) {
            if (!"streaming".equals(p.path("kind").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            long head = head();
            long t0 = System.nanoTime();
            Answer started = expect(post("admin", "/api/admin/projections/" + name + "/replay", "{}"), "replay");
            if (started.status() != 202) {
                r.put(name, Map.of("error", started.status()));
                continue;
            }
            boolean failed = false;
            while (true) {
                Thread.sleep(50);
                JsonNode s = get("admin", "/api/admin/projections/" + name).json();
                if (s.path("error").asBoolean()) {
                    failed = true;
                    break;
                }
                if (!s.path("replaying").asBoolean() && !s.path("position").isNull()
                        && s.path("position").asLong() >= head) {
                    break;
                }
                if (System.nanoTime() - t0 > 600e9) {
                    failed = true;
                    break;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("events", head);
            one.put("seconds", Bench.round(seconds));
            one.put("eventsPerSecond", Bench.round(head / seconds));
            one.put("failed", failed);
            r.put(name, one);
            Bench.log("replay " + name + ": " + one);
        }
        return r;
    }

    private Map<String, Object> queries() {
        LocalDate today = LocalDate.now(CENTRE_ZONE);
        String member = (String) generatedSamples.getOrDefault("member", members.get(0));
        String sampleVisit = (String) generatedSamples.getOrDefault("visit", this.sampleVisit);
        String sampleComplaint = (String) generatedSamples.getOrDefault("complaint", this.sampleComplaint);
        // with a generated store, classes of today (tomorrow's are not generated); else tomorrow's bench sessions
        LocalDate classDay = generated == null ? today.plusDays(1) : today;
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("reception day", "/api/views/reception?date=" + today);
        paths.put("reception visits", "/api/views/reception/visits?date=" + today + "&size=20");
        paths.put("reception messages", "/api/views/reception/messages?size=20");
        paths.put("roster day", "/api/views/roster?date=" + today);
        paths.put("staff attendance (30 days)", "/api/views/attendance/staff?from=" + today.minusDays(30)
                + "&to=" + today);
        paths.put("head-counts", "/api/views/attendance/headcounts?date=" + today);
        paths.put("complaints list", "/api/views/complaints?size=20");
        paths.put("complaints BREACHED", "/api/views/complaints?sla=BREACHED&size=20");
        paths.put("complaint detail", "/api/views/complaints/" + sampleComplaint);
        paths.put("complaint KPIs (30 days)", "/api/views/complaints/kpis");
        paths.put("sales (30 days)", "/api/views/sales?from=" + today.minusDays(30) + "&to=" + today);
        paths.put("revenue by day", "/api/views/sales/revenue?from=" + today.minusDays(30) + "&to=" + today
                + "&by=day");
        paths.put("pending refunds", "/api/views/sales/pending-refunds");
        paths.put(generated == null ? "class attendance (tomorrow)" : "class attendance (today)",
                "/api/views/attendance?date=" + classDay);
        paths.put("attendance days", "/api/views/attendance/days?from=" + classDay.minusDays(2) + "&to=" + classDay);
        paths.put("member search", "/api/views/members?q=Bench%20Member%201");
        paths.put("member profile", "/api/views/members/" + member);
        paths.put("member timeline", "/api/views/members/" + member + "/timeline");
        paths.put("audit search (auditor)", "/api/audit/events?size=50");
        paths.put("audit visit history (auditor)", "/api/audit/visits/" + sampleVisit + "/events");
        Map<String, Object> r = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : paths.entrySet()) {
            String user = e.getKey().endsWith("(auditor)") ? "auditor" : "manager";
            for (int i = 0; i < 5; i++) {
                get(user, e.getValue());
            }
            Latencies lat = new Latencies();
            int status = 0;
            for (int i = 0; i < queryRepeats; i++) {
                long t0 = System.nanoTime();
                Answer a = get(user, e.getValue());
                lat.add(System.nanoTime() - t0);
                status = a.status();
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("path", e.getValue());
            one.put("status", status);
            one.putAll(Latencies.summary(lat.toArray()));
            r.put(e.getKey(), one);
            Bench.log("query " + e.getKey() + ": " + one);
        }
        return r;
    }
}
