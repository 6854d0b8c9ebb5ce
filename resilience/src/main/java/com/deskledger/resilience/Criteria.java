package com.deskledger.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The "Done when" of issue 13, per experiment: nothing acknowledged lost or duplicated, no event for a command
 * that was refused, no answer 500, every view identical to its replay, the hash chains intact, every due deadline
 * fired exactly once; for the postmaster kill 503s and health DOWN (and UP again) within 2 s; for many clients no
 * stall longer than the limit. Each failure is one sentence with its figure.
 */
final class Criteria {

    private Criteria() {
    }

    @SuppressWarnings("unchecked")
    static List<String> failures(String experiment, Map<String, Object> r, Settings settings) {
        List<String> f = new ArrayList<>();
        Map<String, Object> store = (Map<String, Object>) r.get("store");
        positive(f, store, "lost", "acknowledged commands lost (2xx, no event)");
        positive(f, store, "duplicated", "commands whose events are stored more than once");
        positive(f, store, "eventsWithoutSuccess", "commands refused (4xx, or the connection refused) whose events"
                + " are stored");
        positive(f, store, "answerPositionNotOwnEvent", "2xx answers whose position is not one of their events");
        Map<String, Object> commands = (Map<String, Object>) r.get("commands");
        Map<String, Long> byStatus = (Map<String, Long>) commands.get("errorsByStatus");
        boolean balanced = experiment.equals("haproxy");
        byStatus.forEach((status, n) -> {
            // behind HAProxy, a request in flight on the killed node answers 502: one per client at most
            if (status.startsWith("5") && !status.equals("503") && !(balanced && status.equals("502"))) {
                f.add(n + " answers " + status);
            }
        });
        if (balanced) {
            long badGateway = byStatus.getOrDefault("502", 0L);
            Object clients = r.get("clients");
            if (clients instanceof Number c && badGateway > c.longValue()) {
                f.add(badGateway + " answers 502 for " + c + " clients: more than the requests in flight at the kill");
            }
            Object takeover = r.get("takeoverSeconds");
            if (!(takeover instanceof Number t) || t.doubleValue() > 15.0) {
                f.add("node-c's segments not taken over within 15 s of its kill (" + takeover + ")");
            }
            if (r.get("rejoinSeconds") == null) {
                f.add("node-c held no segment of some view within 60 s of answering again");
            }
        }
        Map<String, Object> views = (Map<String, Object>) r.get("views");
        views.forEach((name, v) -> {
            Map<String, Object> view = (Map<String, Object>) v;
            if (!Boolean.TRUE.equals(view.get("identical"))) {
                f.add("view " + name + " differs from its replay" + (view.containsKey("rowsOnlyLive")
                        ? " (" + view.get("rowsOnlyLive") + " rows only live, " + view.get("rowsOnlyInReplay")
                        + " only in the replay)" : " (verification answered " + view.get("status") + ")"));
            }
        });
        Map<String, Object> chain = (Map<String, Object>) r.get("hashChain");
        if (!Boolean.TRUE.equals(chain.get("intact"))) {
            f.add("hash chain broken: " + chain.getOrDefault("firstBroken", chain.get("error")));
        }
        Map<String, Object> deadlines = (Map<String, Object>) r.get("deadlines");
        positive(f, deadlines, "missed", "SLA deadlines due that never fired");
        positive(f, deadlines, "firedTwice", "SLA deadlines that fired more than once");
        positive(f, deadlines, "firedThoughStopped", "SLA breaches recorded for clocks stopped before their due"
                + " time");
        positive(f, deadlines, "strayBreaches", "SLA breaches for no running clock");
        positive(f, (Map<String, Object>) deadlines.get("scheduledTasks"), "overdueNotPicked",
                "deadlines overdue and not picked in scheduled_tasks");
        Map<String, Object> catchUp = (Map<String, Object>) r.get("catchUp");
        if (!Boolean.TRUE.equals(catchUp.get("caughtUp"))) {
            f.add("views did not catch up with the store within " + catchUp.get("seconds") + " s");
        }
        List<String> troubled = (List<String>) catchUp.get("processorsInErrorOrStopped");
        if (!troubled.isEmpty()) {
            f.add("processors in error or stopped after the run: " + troubled);
        }
        if (experiment.equals("postmaster-kill")) {
            Map<String, Object> health = (Map<String, Object>) r.get("health");
            Object down = health.get("downAnsweredAfterSeconds");
            if (down == null || ((Number) down).doubleValue() > 2.0) {
                f.add("health did not answer DOWN within 2 s of the kill (" + (down == null ? "never" : down + " s")
                        + ")");
            }
            Object slowest = health.get("slowestAnswerSeconds");
            if (slowest instanceof Number n && n.doubleValue() > 2.0) {
                f.add("a health check took " + n + " s to answer during the outage (DOWN is due within 2 s)");
            }
            Object up = health.get("upAfterRestoreSeconds");
            if (up == null || ((Number) up).doubleValue() > 2.0) {
                f.add("health did not answer UP within 2 s of PostgreSQL's return (" + (up == null ? "never"
                        : up + " s") + ")");
            }
            Map<String, Object> fault = (Map<String, Object>) r.get("fault");
            Map<String, Long> during = (Map<String, Long>) fault.get("failedAnswersUntilRecovery");
            if (during.getOrDefault("503", 0L) == 0) {
                f.add("no 503 answered during the outage (answers until recovery: " + during + ")");
            }
        }
        if (experiment.equals("many-clients")) {
            double stall = ((Number) r.get("longestStallSeconds")).doubleValue();
            if (stall * 1000 > settings.maxStallMs()) {
                f.add("a stall of " + stall + " s without any 2xx (limit " + settings.maxStallMs() + " ms)");
            }
        }
        return f;
    }

    private static void positive(List<String> f, Map<String, Object> m, String key, String what) {
        Object v = m.get(key);
        if (v instanceof Number n && n.longValue() > 0) {
            f.add(n + " " + what);
        }
    }
}
