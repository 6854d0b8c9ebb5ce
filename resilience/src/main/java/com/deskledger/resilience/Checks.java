package com.deskledger.resilience;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What is checked after an experiment, against the event store itself (plain JDBC) and through the application's
 * own audit endpoints: the ledger's commands against their events, every view against a fresh replay, the hash
 * chains, and the SLA deadlines against the clocks the events started.
 */
final class Checks {

    private static final Duration LONG = Duration.ofMinutes(5);

    private Checks() {
    }

    // ------------------------------------------------------------------ commands against events

    /** One stored event, reduced to what the checks need. */
    private record Stored(long globalIndex, String aggregate, long sequence, String type, String payloadHash,
                          String correlationId, String user) {
    }

    /**
     * Matches every command of the ledger with the events that carry its correlation id. Lost: a 2xx command with
     * no event. Duplicated: a command whose events on one aggregate are not one unbroken run of sequence numbers,
     * or hold the same payload twice (one command appends its events in one unit of work, so a second copy
     * shows as a second run or a repeated payload). Events for a command answered with anything but 2xx are
     * "unknown outcome" when the client's connection broke (the commit may have happened before), counted apart
     * when the node answered 5xx (its connection to the database broke during the commit), and a failure for a
     * 4xx answer or a refused connection.
     */
    static Map<String, Object> store(String dbUrl, Ledger ledger) throws Exception {
        Map<String, List<Stored>> byCorrelation = new HashMap<>();
        long total = 0;
        long withoutCorrelation = 0;
        long bySystem = 0;
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             Statement s = c.createStatement()) {
            s.setFetchSize(5_000);
            c.setAutoCommit(false);
            try (ResultSet r = s.executeQuery("select globalindex, aggregateidentifier, sequencenumber,"
                    + " payloadtype, md5(payload), m->>'correlationId', m->>'user'"
                    + " from domainevententry, lateral (select convert_from(metadata, 'UTF8')::jsonb m) meta"
                    + " order by globalindex")) {
                while (r.next()) {
                    total++;
                    Stored e = new Stored(r.getLong(1), r.getString(2), r.getLong(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7));
                    if (e.correlationId() == null) {
                        if ("system".equals(e.user())) {
                            bySystem++;
                        } else {
                            withoutCorrelation++;
                        }
                        continue;
                    }
                    byCorrelation.computeIfAbsent(e.correlationId(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        long lost = 0;
        long duplicated = 0;
        long eventsOfCommands = 0;
        long unknownCommitted = 0;
        long unknownNotCommitted = 0;
        long serverErrorCommitted = 0;
        long eventsWithoutSuccess = 0;
        long positionNotOwn = 0;
        Map<String, Long> lostByKind = new TreeMap<>();
        Map<String, Long> duplicatedByKind = new TreeMap<>();
        Map<String, Long> withoutSuccessByStatus = new TreeMap<>();
        Map<String, Long> serverErrorCommittedByAnswer = new TreeMap<>();
        List<String> samples = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Ledger.Command command : ledger.all()) {
            known.add(command.correlationId());
            List<Stored> events = byCorrelation.getOrDefault(command.correlationId(), List.of());
            eventsOfCommands += events.size();
            if (command.ok()) {
                if (events.isEmpty()) {
                    lost++;
                    lostByKind.merge(command.kind(), 1L, Long::sum);
                    sample(samples, "lost: " + command.kind() + " " + command.correlationId() + " answered "
                            + command.status());
                    continue;
                }
                if (command.position() != null && events.stream()
                        .noneMatch(e -> e.globalIndex() == command.position())) {
                    positionNotOwn++;
                    sample(samples, "answer's position " + command.position() + " is not an event of "
                            + command.correlationId());
                }
                if (duplicated(events)) {
                    duplicated++;
                    duplicatedByKind.merge(command.kind(), 1L, Long::sum);
                    sample(samples, "duplicated: " + command.kind() + " " + command.correlationId() + " has "
                            + events.size() + " events");
                }
            } else if (command.outcome() == Ledger.Outcome.BROKEN) {
                if (events.isEmpty()) {
                    unknownNotCommitted++;
                } else {
                    unknownCommitted++;
                    if (duplicated(events)) {
                        duplicated++;
                        duplicatedByKind.merge(command.kind(), 1L, Long::sum);
                    }
                }
            } else if (!events.isEmpty()) {
                String status = command.outcome() == Ledger.Outcome.NOT_DELIVERED ? "refused" : command.status()
                        + (command.code() == null ? "" : " " + command.code());
                sample(samples, "events stored for " + command.kind() + " " + command.correlationId()
                        + " answered " + status);
                if (command.outcome() == Ledger.Outcome.ANSWERED && command.status() >= 500) {
                    // the node's own connection to the database broke during the commit: the commit happened, the
                    // node could not know it. The issue counts this apart, as an outcome unknown to the answer.
                    serverErrorCommitted++;
                    serverErrorCommittedByAnswer.merge(status + " on " + command.kind(), 1L, Long::sum);
                } else {
                    eventsWithoutSuccess++;
                    withoutSuccessByStatus.merge(status + " on " + command.kind(), 1L, Long::sum);
                }
            }
        }
        long unattributed = byCorrelation.keySet().stream().filter(k -> !known.contains(k))
                .mapToLong(k -> byCorrelation.get(k).size()).sum();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventsInStore", total);
        m.put("eventsOfCommands", eventsOfCommands);
        m.put("eventsOfDeadlines", bySystem);
        m.put("lost", lost);
        m.put("lostByKind", lostByKind);
        m.put("duplicated", duplicated);
        m.put("duplicatedByKind", duplicatedByKind);
        m.put("unknownOutcomeCommitted", unknownCommitted);
        m.put("unknownOutcomeNotCommitted", unknownNotCommitted);
        m.put("answered5xxButCommitted", serverErrorCommitted);
        m.put("answered5xxButCommittedByAnswer", serverErrorCommittedByAnswer);
        m.put("eventsWithoutSuccess", eventsWithoutSuccess);
        m.put("eventsWithoutSuccessByAnswer", withoutSuccessByStatus);
        m.put("answerPositionNotOwnEvent", positionNotOwn);
        m.put("eventsWithUnknownCorrelation", unattributed);
        m.put("eventsWithoutCorrelation", withoutCorrelation);
        m.put("samples", samples);
        return m;
    }

    private static void sample(List<String> samples, String line) {
        if (samples.size() < 10) {
            samples.add(line);
        }
    }

    private static boolean duplicated(List<Stored> events) {
        Map<String, List<Stored>> byAggregate = new HashMap<>();
        for (Stored e : events) {
            byAggregate.computeIfAbsent(e.aggregate(), k -> new ArrayList<>()).add(e);
        }
        for (List<Stored> list : byAggregate.values()) {
            list.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
            Set<String> payloads = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0 && list.get(i).sequence() != list.get(i - 1).sequence() + 1) {
                    return true;
                }
                if (!payloads.add(list.get(i).type() + "/" + list.get(i).payloadHash())) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ deadlines

    /** One period in which an SLA clock was running towards {@code dueAt}. */
    private static final class Armed {
        final String complaint;
        final String clock;
        final Instant dueAt;
        Instant disarmedAt;
        int breaches;

        Armed(String complaint, String clock, Instant dueAt) {
            this.complaint = complaint;
            this.clock = clock;
            this.dueAt = dueAt;
        }
    }

    /**
     * Every SLA deadline that fell due fired exactly once. Replays each complaint's events in order: a clock runs
     * towards its due time from its start (or retarget, or resume) until its goal is reached, the complaint pauses,
     * closes or is withdrawn. A clock still running whose due time is more than the slack (polling interval and
     * margin) in the past must have exactly one breach; one stopped before its due time none; one stopped after
     * its due time may have one or none (the stop and the deadline raced: "raced"). No due time ever has two.
     * The scheduler's table must hold no deadline that is overdue and not picked.
     */
    static Map<String, Object> deadlines(String dbUrl, int slackSeconds) throws Exception {
        List<Armed> periods = new ArrayList<>();
        long strayBreaches = 0;
        Instant now;
        Map<String, Object> tasks = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select now()")) {
                r.next();
                now = r.getTimestamp(1).toInstant();
            }
            Map<String, Map<String, Armed>> running = new HashMap<>();
            try (ResultSet r = s.executeQuery("select aggregateidentifier, payloadtype,"
                    + " convert_from(payload, 'UTF8'), timestamp from domainevententry where type = 'ComplaintCase'"
                    + " order by aggregateidentifier, sequencenumber")) {
                while (r.next()) {
                    String complaint = r.getString(1);
                    String type = r.getString(2).substring(r.getString(2).lastIndexOf('.') + 1);
                    JsonNode p = Http.JSON.readTree(r.getString(3));
                    Instant at = Instant.parse(r.getString(4));
                    Map<String, Armed> clocks = running.computeIfAbsent(complaint, k -> new HashMap<>());
                    String clock = p.path("clock").asText(null);
                    switch (type) {
                        case "SlaClockStartedEvent" -> arm(periods, clocks, complaint, clock, p.path("dueAt"), at);
                        case "SlaClockRetargetedEvent" -> {
                            disarm(clocks, clock, at);
                            arm(periods, clocks, complaint, clock, p.path("dueAt"), at);
                        }
                        case "SlaClockStoppedEvent" -> disarm(clocks, clock, at);
                        case "ComplaintPausedEvent" -> disarm(clocks, "RESOLUTION", at);
                        case "ComplaintResumedEvent" -> arm(periods, clocks, complaint, "RESOLUTION",
                                p.path("resolutionDueAt"), at);
                        case "ComplaintClosedEvent", "ComplaintWithdrawnEvent" -> {
                            disarm(clocks, "FIRST_RESPONSE", at);
                            disarm(clocks, "RESOLUTION", at);
                        }
                        case "SlaBreachedEvent" -> {
                            Instant due = Instant.parse(p.path("at").asText());
                            Armed armed = clocks.get(clock);
                            if (armed != null && armed.dueAt.equals(due)) {
                                armed.breaches++;
                            } else {
                                strayBreaches++;
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
            try (ResultSet r = s.executeQuery("select count(*),"
                    + " count(*) filter (where not picked and execution_time < now() - interval '" + slackSeconds
                    + " seconds'),"
                    + " count(*) filter (where picked),"
                    + " count(*) filter (where picked and coalesce(last_heartbeat, execution_time)"
                    + " < now() - interval '1 minute')"
                    + " from scheduled_tasks")) {
                r.next();
                tasks.put("rows", r.getLong(1));
                tasks.put("overdueNotPicked", r.getLong(2));
                tasks.put("picked", r.getLong(3));
                tasks.put("pickedWithoutHeartbeatForAMinute", r.getLong(4));
            }
        }
        Instant horizon = now.minusSeconds(slackSeconds);
        long due = 0;
        long fired = 0;
        long missed = 0;
        long twice = 0;
        long whileStopped = 0;
        long raced = 0;
        long withinSlack = 0;
        long notYetDue = 0;
        List<String> samples = new ArrayList<>();
        for (Armed a : periods) {
            fired += a.breaches;
            if (a.breaches > 1) {
                twice++;
                sample(samples, a.clock + " of complaint " + a.complaint + " due " + a.dueAt + " breached "
                        + a.breaches + " times");
            }
            if (a.disarmedAt != null && a.disarmedAt.isBefore(a.dueAt)) {
                if (a.breaches > 0) {
                    whileStopped++;
                    sample(samples, a.clock + " of complaint " + a.complaint + " breached though stopped before "
                            + "its due time");
                }
                continue;
            }
            if (!a.dueAt.isBefore(now)) {
                notYetDue++;
                continue;
            }
            due++;
            if (a.disarmedAt != null) {
                raced++;
            } else if (a.breaches == 0 && a.dueAt.isBefore(horizon)) {
                missed++;
                sample(samples, a.clock + " of complaint " + a.complaint + " due " + a.dueAt + " never fired");
            } else if (a.breaches == 0) {
                withinSlack++;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clockPeriods", periods.size());
        m.put("due", due);
        m.put("fired", fired);
        m.put("missed", missed);
        m.put("firedTwice", twice);
        m.put("firedThoughStopped", whileStopped);
        m.put("strayBreaches", strayBreaches);
        m.put("racedWithStop", raced);
        m.put("dueWithinSlackNotYetFired", withinSlack);
        m.put("notYetDue", notYetDue);
        m.put("checkedAt", now.toString());
        m.put("scheduledTasks", tasks);
        m.put("samples", samples);
        return m;
    }

    private static void arm(List<Armed> periods, Map<String, Armed> clocks, String complaint, String clock,
                            JsonNode dueAt, Instant at) {
        if (clock == null || dueAt == null || dueAt.isNull() || dueAt.isMissingNode()) {
            return;
        }
        disarm(clocks, clock, at);
        Armed a = new Armed(complaint, clock, Instant.parse(dueAt.asText()));
        periods.add(a);
        clocks.put(clock, a);
    }

    private static void disarm(Map<String, Armed> clocks, String clock, Instant at) {
        Armed a = clock == null ? null : clocks.remove(clock);
        if (a != null) {
            a.disarmedAt = at;
        }
    }

    // ------------------------------------------------------------------ through the application

    /**
     * Waits until every streaming view has read up to the head of the store (at most {@code seconds}), then
     * answers the processors' state on every node: any in error or not running is a finding of its own. How far a
     * view has read comes from the token store, not from a node: with two nodes, a node sees only the segments it
     * has claimed.
     */
    static Map<String, Object> catchUp(String dbUrl, List<Http> nodes, int seconds) throws Exception {
        long t0 = System.nanoTime();
        List<String> streaming = new ArrayList<>();
        List<String> troubled = new ArrayList<>();
        for (Http node : nodes) {
            Http.Answer a = node.get("admin", "/api/admin/projections", Duration.ofSeconds(60));
            if (a.status() != 200 || a.json() == null) {
                troubled.add(node.node.name + " did not list its processors (" + a.status() + ")");
                continue;
            }
            for (JsonNode p : a.json()) {
                String name = p.path("name").asText();
                if ("streaming".equals(p.path("kind").asText()) && !streaming.contains(name)) {
                    streaming.add(name);
                }
            }
        }
        Map<String, Long> behind = new TreeMap<>();
        while (true) {
            behind = behind(dbUrl, streaming);
            if (behind.isEmpty() || System.nanoTime() - t0 > seconds * 1e9) {
                break;
            }
            Thread.sleep(500);
        }
        for (Http node : nodes) {
            Http.Answer a = node.get("admin", "/api/admin/projections", Duration.ofSeconds(60));
            if (a.status() == 200 && a.json() != null) {
                for (JsonNode p : a.json()) {
                    if (p.path("error").asBoolean() || !p.path("running").asBoolean(true)) {
                        troubled.add(p.path("name").asText() + " on " + node.node.name
                                + (p.path("error").asBoolean() ? " (error)" : " (not running)"));
                    }
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caughtUp", behind.isEmpty());
        m.put("eventsBehind", behind);
        m.put("seconds", Report.round1((System.nanoTime() - t0) / 1e9));
        m.put("views", streaming);
        m.put("processorsInErrorOrStopped", troubled);
        return m;
    }

    /** Per view that has not read to the head of the store yet: how many events it is behind. */
    private static Map<String, Long> behind(String dbUrl, List<String> views) throws Exception {
        Map<String, Long> behind = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             Statement s = c.createStatement()) {
            long head;
            try (ResultSet r = s.executeQuery("select coalesce(max(globalindex), -1) from domainevententry")) {
                r.next();
                head = r.getLong(1);
            }
            Map<String, Long> least = new HashMap<>();
            try (ResultSet r = s.executeQuery("select processorname, convert_from(token, 'UTF8') from tokenentry")) {
                while (r.next()) {
                    long index = r.getString(2) == null ? -1 : index(Http.JSON.readTree(r.getString(2)));
                    least.merge(r.getString(1), index, Math::min);
                }
            }
            for (String view : views) {
                long at = least.getOrDefault(view, -1L);
                if (at < head) {
                    behind.put(view, head - at);
                }
            }
        }
        return behind;
    }

    /** The global index a stored token stands at: a gap-aware token's {@code index}, inside a replay token too. */
    private static long index(JsonNode token) {
        if (token.has("index")) {
            return token.path("index").asLong();
        }
        if (token.has("currentToken") && !token.path("currentToken").isNull()) {
            return index(token.path("currentToken"));
        }
        return -1;
    }

    /** POST /api/audit/views/{view}/verify for each view: identical, or how many rows differ each way. */
    static Map<String, Object> views(Http auditor, List<String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String name : names) {
            Map<String, Object> one = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            Http.Answer a = auditor.post("auditor", "/api/audit/views/" + name + "/verify", LONG);
            one.put("status", a.status());
            if (a.status() == 200 && a.json() != null) {
                JsonNode v = a.json();
                one.put("identical", v.path("identical").asBoolean());
                one.put("eventsReplayed", v.path("eventsReplayed").asLong());
                long onlyLive = 0;
                long onlyRebuilt = 0;
                Map<String, Object> tables = new LinkedHashMap<>();
                for (JsonNode t : v.path("tables")) {
                    onlyLive += t.path("onlyLive").asLong();
                    onlyRebuilt += t.path("onlyRebuilt").asLong();
                    if (t.path("onlyLive").asLong() + t.path("onlyRebuilt").asLong() > 0) {
                        tables.put(t.path("table").asText(), "live " + t.path("liveRows").asLong() + " rows, replay "
                                + t.path("rebuiltRows").asLong() + "; only live " + t.path("onlyLive").asLong()
                                + ", only in replay " + t.path("onlyRebuilt").asLong());
                    }
                }
                one.put("rowsOnlyLive", onlyLive);
                one.put("rowsOnlyInReplay", onlyRebuilt);
                one.put("differingTables", tables);
            } else {
                one.put("identical", false);
                one.put("error", a.json() == null ? a.error() : a.json().path("code").asText());
            }
            one.put("seconds", Report.round1((System.nanoTime() - t0) / 1e9));
            m.put(name, one);
            Resilience.log("view " + name + ": " + one);
        }
        return m;
    }

    /** GET /api/audit/verify: every aggregate's hash chain recomputed. */
    static Map<String, Object> chain(Http auditor) {
        Http.Answer a = auditor.get("auditor", "/api/audit/verify", LONG);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", a.status());
        if (a.status() == 200 && a.json() != null) {
            m.put("intact", a.json().path("intact").asBoolean());
            m.put("eventsChecked", a.json().path("eventsChecked").asLong());
            m.put("aggregatesChecked", a.json().path("aggregatesChecked").asLong());
            if (!a.json().path("firstBroken").isNull() && !a.json().path("firstBroken").isMissingNode()) {
                m.put("firstBroken", a.json().path("firstBroken").toString());
            }
        } else {
            m.put("intact", false);
            m.put("error", a.json() == null ? a.error() : a.json().path("code").asText());
        }
        return m;
    }
}
