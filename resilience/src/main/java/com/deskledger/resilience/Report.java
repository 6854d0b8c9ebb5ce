package com.deskledger.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** RESILIENCE.md from the results: a summary table across experiments, the failures, then each experiment. */
final class Report {

    private Report() {
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results) {
        Map<String, Object> experiments = (Map<String, Object>) results.get("experiments");
        Map<String, Object> settings = (Map<String, Object>) results.get("settings");
        List<String> names = new ArrayList<>(experiments.keySet());
        StringBuilder md = new StringBuilder();
        md.append("# Resilience\n\n");
        md.append("Written by `./resilience/run` (the crash harness in `resilience/`, issue 13) on ")
                .append(results.get("finishedAt")).append(", ")
                .append(Boolean.TRUE.equals(settings.get("quick")) ? "**quick mode** (`RESILIENCE_QUICK=1`)"
                        : "default settings")
                .append(", ").append(results.get("cores")).append(" cores, commit `").append(results.get("commit"))
                .append("`. Raw figures: `resilience/results.json`.\n\n");
        List<String> failed = names.stream().filter(n -> !((List<String>) ((Map<String, Object>) experiments.get(n))
                .get("failures")).isEmpty()).toList();
        md.append("**Verdict: ").append(failed.isEmpty() ? "every experiment meets the \"Done when\" of issue 13."
                : failed.size() + " of " + names.size() + " experiments fail the \"Done when\" of issue 13 ("
                + String.join(", ", failed) + ").").append("** ").append("The harness exits with status ")
                .append(failed.isEmpty() ? 0 : 1).append(".\n\n");
        md.append("Each experiment runs the packaged jar (`-Xmx512m`) against a database of its own on a PostgreSQL ")
                .append("server the harness starts itself (initdb and pg_ctl in a temporary directory, on a free ")
                .append("port), drives desk clients through HTTP — visits and calls with messages; enrolments, ")
                .append("packages, check-ins, leaves, sales and refunds, most of them on ")
                .append(settings.get("sharedMembers")).append(" members every client shares; notes, resolutions ")
                .append("and answers on ").append(settings.get("sharedComplaints")).append(" shared complaints and ")
                .append("complaints of their own, a third of them major with short SLA targets (first response ")
                .append(settings.get("slaMajorFirstResponse")).append(", resolution ")
                .append(settings.get("slaMajorResolution")).append(") so deadlines fall due during the faults; ")
                .append("shifts scheduled, clocked in and out — each command with its own `X-Correlation-Id`, ")
                .append("never resent. After the load it waits ").append(settings.get("settleSeconds"))
                .append(" s and checks (see *Method* below).\n\n");

        md.append("## Summary\n\n| |");
        names.forEach(n -> md.append(" ").append(n).append(" |"));
        md.append("\n|---|");
        names.forEach(n -> md.append("---|"));
        md.append("\n");
        row(md, "fault", names, experiments, r -> (String) r.get("title"));
        row(md, "nodes × clients", names, experiments, r -> r.get("nodes") + " × " + r.get("clients"));
        row(md, "load (s)", names, experiments, r -> String.valueOf(r.get("loadSeconds")));
        row(md, "commands sent", names, experiments, r -> String.valueOf(commands(r).get("sent")));
        row(md, "answered 2xx", names, experiments, r -> String.valueOf(commands(r).get("ok")));
        row(md, "errors by status", names, experiments, r -> counts((Map<String, Object>) commands(r)
                .get("errorsByStatus")));
        row(md, "events (of commands / deadlines / in store)", names, experiments, r -> store(r)
                .get("eventsOfCommands") + " / " + store(r).get("eventsOfDeadlines") + " / "
                + store(r).get("eventsInStore"));
        row(md, "**lost** (2xx, no event)", names, experiments, r -> mark(store(r).get("lost")));
        row(md, "**duplicated**", names, experiments, r -> mark(store(r).get("duplicated")));
        row(md, "unknown outcome (connection broke): committed / not", names, experiments, r -> store(r)
                .get("unknownOutcomeCommitted") + " / " + store(r).get("unknownOutcomeNotCommitted"));
        row(md, "answered 5xx, yet committed", names, experiments, r -> String.valueOf(store(r)
                .get("answered5xxButCommitted")));
        row(md, "**refused (4xx), yet events stored**", names, experiments, r -> mark(store(r)
                .get("eventsWithoutSuccess")));
        row(md, "**views identical to a replay**", names, experiments, Report::viewsCell);
        row(md, "**hash chain**", names, experiments, r -> Boolean.TRUE.equals(((Map<String, Object>) r
                .get("hashChain")).get("intact")) ? "intact" : "**BROKEN**");
        row(md, "**deadlines** due / breaches / missed / twice", names, experiments, r -> {
            Map<String, Object> d = (Map<String, Object>) r.get("deadlines");
            return d.get("due") + " / " + d.get("fired") + " / " + mark(d.get("missed")) + " / "
                    + mark(d.get("firedTwice"));
        });
        row(md, "overdue unpicked deadlines", names, experiments, r -> mark(((Map<String, Object>)
                ((Map<String, Object>) r.get("deadlines")).get("scheduledTasks")).get("overdueNotPicked")));
        row(md, "recovery: fault → 2xx again (s)", names, experiments, r -> r.containsKey("fault")
                ? String.valueOf(((Map<String, Object>) r.get("fault")).get("recoverySeconds")) : "–");
        row(md, "health DOWN / UP again after (s)", names, experiments, r -> {
            if (!r.containsKey("health") || r.get("title").toString().startsWith("kill -9 of the application")) {
                return "–";
            }
            Map<String, Object> h = (Map<String, Object>) r.get("health");
            return h.get("downAnsweredAfterSeconds") + " / " + h.get("upAfterRestoreSeconds");
        });
        row(md, "longest stall without a 2xx (s)", names, experiments, r -> String.valueOf(
                r.get("longestStallSeconds")));
        row(md, "result", names, experiments, r -> ((List<String>) r.get("failures")).isEmpty() ? "pass"
                : "**FAIL**");
        md.append("\n`null` means it never happened within the experiment. Unknown outcome: the client's ")
                .append("connection broke or timed out after the request was sent (a killed node, a request that ")
                .append("waited out the client's ").append(settings.get("requestTimeoutSeconds")).append(" s); such ")
                .append("a command may have committed, and is neither lost nor a failure either way. *Answered 5xx, ")
                .append("yet committed*: the node's own connection broke while PostgreSQL committed, so the node ")
                .append("could not know; a client that retries such a command applies it twice. Counted apart, as ")
                .append("the issue asks (the 500 itself is a failure).\n\n");

        md.append("## Failures\n\n");
        if (failed.isEmpty()) {
            md.append("None.\n\n");
        }
        for (String n : failed) {
            md.append("- **").append(n).append("**\n");
            for (String f : (List<String>) ((Map<String, Object>) experiments.get(n)).get("failures")) {
                md.append("  - ").append(f).append("\n");
            }
        }
        md.append("\n");

        int i = 1;
        for (String n : names) {
            experiment(md, i++, n, (Map<String, Object>) experiments.get(n));
        }
        method(md, settings);
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static void experiment(StringBuilder md, int number, String name, Map<String, Object> r) {
        md.append("## ").append(number).append(". ").append(name).append(": ").append(r.get("title")).append("\n\n");
        if (!r.containsKey("store")) {
            md.append("The experiment did not finish: ").append(r.get("failures")).append("\n\n");
            return;
        }
        Map<String, Object> c = commands(r);
        md.append("- ").append(r.get("nodes")).append(" node(s), ").append(r.get("clients")).append(" clients, ")
                .append(r.get("loadSeconds")).append(" s of load; ").append(c.get("sent")).append(" commands, ")
                .append(c.get("ok")).append(" answered 2xx. The machine's load average (1/5/15 min) was ")
                .append(r.get("loadAverageAtStart")).append(" at the start and ").append(r.get("loadAverageAtEnd"))
                .append(" at the end.\n");
        if (r.containsKey("restartSeconds")) {
            md.append("- The node was killed after ").append("the first part of the load and restarted at once: ")
                    .append("its start took ").append(r.get("restartSeconds")).append(" s.\n");
        }
        if (r.containsKey("fault")) {
            Map<String, Object> f = (Map<String, Object>) r.get("fault");
            md.append("- Recovery (fault → first 2xx after the disturbance's last failed answer): ")
                    .append(f.get("recoverySeconds")).append(" s; the first 2xx of a command sent after the fault came ")
                    .append(f.get("firstOkAfterFaultSeconds")).append(" s after it");
            if (f.containsKey("restoredAfterSeconds")) {
                md.append("; the node or database was back ").append(f.get("restoredAfterSeconds"))
                        .append(" s after the fault, and a command sent then got its 2xx ")
                        .append(f.get("firstOkSentAfterRestoreSeconds")).append(" s later; the slowest answer to a")
                        .append(" command sent while it was away took ").append(f.get("slowestAnswerSentDuringOutageSeconds"))
                        .append(" s");
            }
            md.append(". Failed answers from the fault until recovery: ")
                    .append(counts((Map<String, Object>) f.get("failedAnswersUntilRecovery")))
                    .append("; the slowest took ").append(f.get("slowestFailedAnswerSeconds")).append(" s.\n");
        }
        if (r.containsKey("takeoverSeconds")) {
            md.append("- Segments: node-c's segments taken over by the others ").append(r.get("takeoverSeconds"))
                    .append(" s after its kill -9 (bound: claim timeout 10 s + claim interval 2 s + heartbeat); ")
                    .append("node-c held segments of every view again ").append(r.get("rejoinSeconds"))
                    .append(" s after it answered again. Before the kill: ").append(r.get("segmentsBeforeKill"))
                    .append("; at the end: ").append(r.get("segmentsAtEnd")).append(".\n");
        }
        if (r.containsKey("health") && !name.equals("app-kill")) {
            Map<String, Object> h = (Map<String, Object>) r.get("health");
            md.append("- Health (`/actuator/health` every 250 ms): first non-UP answer ")
                    .append(h.get("downAnsweredAfterSeconds")).append(" s after the fault, UP again ")
                    .append(h.get("upAfterRestoreSeconds")).append(" s after the restore; slowest health answer ")
                    .append(h.get("slowestAnswerSeconds")).append(" s; answers ").append(counts((Map<String, Object>)
                            h.get("answers"))).append(".\n");
        }
        md.append("- Longest time without any 2xx: ").append(r.get("longestStallSeconds")).append(" s, from second ")
                .append(r.get("longestStallBeganAtSecond")).append(" of the load");
        List<String> stalls = (List<String>) r.getOrDefault("stallsOverLimit", List.of());
        md.append(stalls.isEmpty() ? ".\n" : "; every stall over the limit: " + String.join("; ", stalls) + ".\n");
        if (r.containsKey("perSecond")) {
            List<Number> ps = (List<Number>) r.get("perSecond");
            List<Long> sorted = ps.stream().map(Number::longValue).sorted().toList();
            md.append("- 2xx per second (credentials cache TTL ").append(r.get("authCacheTtl")).append("): min ")
                    .append(sorted.get(0)).append(", median ").append(sorted.get(sorted.size() / 2)).append(", max ")
                    .append(sorted.get(sorted.size() - 1)).append("; second by second: ")
                    .append(ps.stream().map(String::valueOf).collect(Collectors.joining(" "))).append("\n");
        }
        Map<String, Object> byCode = (Map<String, Object>) c.get("errorsByCode");
        if (!byCode.isEmpty()) {
            md.append("- Answers other than 2xx by code: ").append(counts(byCode)).append(".\n");
        }
        Map<String, Object> five = (Map<String, Object>) c.get("answers500ByCommand");
        if (!five.isEmpty()) {
            md.append("- 500 answers by command: ").append(counts(five)).append(".\n");
        }
        Map<String, Object> s = store(r);
        md.append("- Store: ").append(s.get("eventsInStore")).append(" events; lost ").append(s.get("lost"))
                .append(", duplicated ").append(s.get("duplicated")).append(", unknown outcome committed ")
                .append(s.get("unknownOutcomeCommitted")).append(" and not committed ")
                .append(s.get("unknownOutcomeNotCommitted")).append(", answered 5xx yet committed ")
                .append(s.get("answered5xxButCommitted"));
        if (!((Map<String, Object>) s.get("answered5xxButCommittedByAnswer")).isEmpty()) {
            md.append(" (").append(counts((Map<String, Object>) s.get("answered5xxButCommittedByAnswer")))
                    .append(")");
        }
        md.append(", refused yet stored ").append(s.get("eventsWithoutSuccess"));
        if (!((Map<String, Object>) s.get("eventsWithoutSuccessByAnswer")).isEmpty()) {
            md.append(" (").append(counts((Map<String, Object>) s.get("eventsWithoutSuccessByAnswer"))).append(")");
        }
        md.append(", events with a correlation id the harness never sent ").append(s.get("eventsWithUnknownCorrelation"))
                .append(".\n");
        for (String sample : (List<String>) s.get("samples")) {
            md.append("  - ").append(sample).append("\n");
        }
        Map<String, Object> d = (Map<String, Object>) r.get("deadlines");
        md.append("- Deadlines: ").append(d.get("clockPeriods")).append(" SLA clock periods; ").append(d.get("due"))
                .append(" due, ").append(d.get("fired")).append(" breaches recorded, missed ").append(d.get("missed"))
                .append(", fired twice ").append(d.get("firedTwice")).append(", raced with a stop ")
                .append(d.get("racedWithStop")).append(", due within the slack and not fired yet ")
                .append(d.get("dueWithinSlackNotYetFired")).append(", not yet due ").append(d.get("notYetDue"))
                .append("; scheduled_tasks ").append(d.get("scheduledTasks")).append(".\n");
        for (String sample : (List<String>) d.get("samples")) {
            md.append("  - ").append(sample).append("\n");
        }
        Map<String, Object> catchUp = (Map<String, Object>) r.get("catchUp");
        md.append("- Views caught up: ").append(catchUp.get("caughtUp")).append(" (").append(catchUp.get("seconds"))
                .append(" s after the settle");
        if (!Boolean.TRUE.equals(catchUp.get("caughtUp"))) {
            md.append("; events behind: ").append(catchUp.get("eventsBehind"));
        }
        md.append("); processors in error or stopped: ")
                .append(catchUp.get("processorsInErrorOrStopped")).append(".\n\n");
        md.append("| view | identical | rows only live | rows only in replay | events replayed | differing tables |\n")
                .append("|---|---|---|---|---|---|\n");
        ((Map<String, Object>) r.get("views")).forEach((view, v) -> {
            Map<String, Object> one = (Map<String, Object>) v;
            md.append("| ").append(view).append(" | ").append(Boolean.TRUE.equals(one.get("identical")) ? "yes"
                    : "**no**").append(" | ").append(one.getOrDefault("rowsOnlyLive", "–")).append(" | ")
                    .append(one.getOrDefault("rowsOnlyInReplay", "–")).append(" | ")
                    .append(one.getOrDefault("eventsReplayed", "–")).append(" | ");
            Object tables = one.get("differingTables");
            md.append(tables instanceof Map<?, ?> t && !t.isEmpty() ? t.toString().replace("|", "/")
                    : one.containsKey("error") ? "verification answered " + one.get("status") + " " + one.get("error")
                    : "").append(" |\n");
        });
        md.append("\nLogs (ids and numbers replaced by `<id>`, `<n>`):\n\n");
        ((Map<String, Object>) r.get("logs")).forEach((file, l) -> {
            Map<String, Object> log = (Map<String, Object>) l;
            md.append("- `").append(file).append("`: ").append(log.get("errorLines")).append(" ERROR, ")
                    .append(log.get("warnLines")).append(" WARN lines.\n");
            Map<String, Object> lines = (Map<String, Object>) log.getOrDefault("topLines", Map.of());
            lines.forEach((text, n) -> md.append("  - ").append(n).append(" × `").append(text.replace("`", "'"))
                    .append("`\n"));
            Map<String, Object> ex = (Map<String, Object>) log.getOrDefault("topExceptions", Map.of());
            ex.forEach((text, n) -> md.append("  - ").append(n).append(" × exception `")
                    .append(text.replace("`", "'")).append("`\n"));
        });
        md.append("\n");
    }

    private static void method(StringBuilder md, Map<String, Object> settings) {
        md.append("## Method\n\n");
        md.append("- **Lost / duplicated.** Every command the clients sent is in a ledger with its correlation id ")
                .append("and answer. After the run the harness reads every event's `correlationId` from ")
                .append("`domainevententry.metadata` (Jackson JSON). A 2xx command with no event is lost. A ")
                .append("command is duplicated when its events on one aggregate are not one unbroken run of ")
                .append("sequence numbers, or hold the same payload twice. Events a deadline causes carry ")
                .append("`user: system` and no correlation id; they are counted apart.\n");
        md.append("- **Events without a 2xx.** A command answered 4xx (or refused at connect) must have no ")
                .append("event. When the connection broke after sending, the command's outcome is unknown to the ")
                .append("client: *unknown outcome*, committed or not. A 5xx answer with stored events means the ")
                .append("node's connection to the database broke during the commit: counted apart.\n");
        md.append("- **Views.** After the settle the harness waits until every streaming view has read to the head ")
                .append("of the store, then asks the application's own verification, `POST ")
                .append("/api/audit/views/{view}/verify`, for every view `GET /api/admin/projections` lists: the ")
                .append("view is rebuilt from the events into a shadow schema and compared row by row. With two ")
                .append("nodes, the second is stopped first, so that it cannot take a paused view's claim over.\n");
        md.append("- **Hash chain.** `GET /api/audit/verify` recomputes every aggregate's chain.\n");
        md.append("- **Deadlines.** Each complaint's events replayed in order give the periods in which an SLA clock ")
                .append("ran towards a due time (started, retargeted or resumed; until stopped, paused, closed or ")
                .append("withdrawn). A clock still running whose due time is more than ")
                .append(settings.get("deadlineSlackSeconds")).append(" s past (polling interval and margin) must ")
                .append("have exactly one `SlaBreachedEvent` for that due time; one stopped before it none; one ")
                .append("stopped after it may have one or none (*raced*). `scheduled_tasks` must hold no row that is ")
                .append("overdue and not picked.\n");
        md.append("- **Recovery** is the time from the fault to the first 2xx after the last failed answer (5xx, ")
                .append("refused or broken connection) of a command sent between the fault and 30 s after the node or ")
                .append("database was back (after a kill of the postmaster, its backends serve a few commands before ")
                .append("they notice); ")
                .append("**longest stall** the longest time in the load with no 2xx answer at all (a fault's outage ")
                .append("included). **Health** is asked every 250 ms, each probe without waiting for the last.\n");
        md.append("- **Faults.** app-kill: `kill -9` of the node's JVM, restarted on the same port at once. ")
                .append("pg-restart: `pg_ctl restart -m fast`. postmaster-kill: `kill -9` of the postmaster (its ")
                .append("backends exit on their own; any left after 5 s is killed), PostgreSQL started again after ")
                .append(settings.get("postmasterDownSeconds")).append(" s (crash recovery). two-nodes: both nodes ")
                .append("take the same members and complaints (no fault). haproxy: three nodes behind HAProxy ")
                .append("(`deploy/haproxy.cfg`), every client request through it, `kill -9` of node-c after the ")
                .append("first part of the load, node-c started again halfway through the rest; 502 answers are ")
                .append("allowed for the requests in flight at the kill (at most one per client). many-clients: ")
                .append(settings.get("manyClients")).append(" clients on a node just started, its credentials cache ")
                .append("TTL set to ").append(settings.get("authCacheTtlInManyClients")).append(" so the cache ")
                .append("expires several times during the load.\n");
        md.append("- **Exit status** 1 when any experiment fails a criterion: a lost or duplicated command, events ")
                .append("of a refused command, any 5xx answer other than 503, a view different from its replay, a ")
                .append("broken chain, a deadline missed or fired twice, an overdue unpicked deadline, a view not ")
                .append("caught up or a processor in error; for postmaster-kill no 503 during the outage, health not ")
                .append("DOWN within 2 s of the kill, a health answer slower than 2 s, or health not UP within 2 s of ")
                .append("the return; for many-clients a stall longer than ").append(settings.get("maxStallMs"))
                .append(" ms.\n\n");
        md.append("Settings of this run:\n\n| setting | value |\n|---|---|\n");
        settings.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> commands(Map<String, Object> r) {
        return (Map<String, Object>) r.get("commands");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> store(Map<String, Object> r) {
        return (Map<String, Object>) r.get("store");
    }

    @SuppressWarnings("unchecked")
    private static String viewsCell(Map<String, Object> r) {
        Map<String, Object> views = (Map<String, Object>) r.get("views");
        List<String> differing = views.entrySet().stream()
                .filter(e -> !Boolean.TRUE.equals(((Map<String, Object>) e.getValue()).get("identical")))
                .map(Map.Entry::getKey).toList();
        return (views.size() - differing.size()) + " of " + views.size()
                + (differing.isEmpty() ? "" : "; **differ: " + String.join(", ", differing) + "**");
    }

    private static String mark(Object v) {
        return v instanceof Number n && n.longValue() > 0 ? "**" + n + "**" : String.valueOf(v);
    }

    private static String counts(Map<String, ?> m) {
        return m.isEmpty() ? "none" : m.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private interface Cell {
        String of(Map<String, Object> r);
    }

    @SuppressWarnings("unchecked")
    private static void row(StringBuilder md, String label, List<String> names, Map<String, Object> experiments,
                            Cell cell) {
        md.append("| ").append(label).append(" |");
        for (String n : names) {
            String v;
            try {
                v = cell.of((Map<String, Object>) experiments.get(n));
            } catch (RuntimeException e) {
                v = "–";
            }
            md.append(" ").append(v.replace("|", "/")).append(" |");
        }
        md.append("\n");
    }
}
