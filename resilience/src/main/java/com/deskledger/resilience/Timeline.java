package com.deskledger.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.TreeMap;

/** Figures over time from the ledger and the health probes: answers, recovery, stalls, throughput, health. */
final class Timeline {

    private Timeline() {
    }

    /** The load's commands (set-up excluded): sent, 2xx, and the rest by status and by problem code. */
    static Map<String, Object> answers(List<Ledger.Command> commands) {
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byCode = new TreeMap<>();
        Map<String, Long> fiveHundredsByKind = new TreeMap<>();
        long ok = 0;
        long sent = 0;
        long retryAfter = 0;
        for (Ledger.Command c : commands) {
            if (c.setUp()) {
                continue;
            }
            sent++;
            if (c.ok()) {
                ok++;
                continue;
            }
            String status = status(c);
            byStatus.merge(status, 1L, Long::sum);
            if (c.code() != null) {
                byCode.merge(c.status() + " " + c.code() + " on " + c.kind(), 1L, Long::sum);
            }
            if (c.status() == 500) {
                fiveHundredsByKind.merge(c.kind(), 1L, Long::sum);
            }
            if (c.retryAfter()) {
                retryAfter++;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sent", sent);
        m.put("ok", ok);
        m.put("errorsByStatus", byStatus);
        m.put("errorsByCode", byCode);
        m.put("answers500ByCommand", fiveHundredsByKind);
        m.put("answersWithRetryAfter", retryAfter);
        return m;
    }

    static String status(Ledger.Command c) {
        return switch (c.outcome()) {
            case ANSWERED -> String.valueOf(c.status());
            case NOT_DELIVERED -> "refused";
            case BROKEN -> "broken";
        };
    }

    /**
     * Recovery: from the fault until the first 2xx after the last failed answer (5xx, refused, broken) of the
     * disturbance, i.e. of commands sent between the fault and 30 s after the restore. Not simply the first 2xx
     * after the fault: after a kill of the postmaster its backends still serve a few commands before they notice,
     * and only then do the failures come. Also: the first 2xx after the fault and after the restore, the failed
     * answers until recovery, and the slowest answer of any command sent while the node or database was away.
     */
    static Map<String, Object> recovery(List<Ledger.Command> commands, long faultNs, Long restoredNs) {
        Map<String, Object> m = new LinkedHashMap<>();
        long disturbedUntil = (restoredNs == null ? faultNs : restoredNs) + 30_000_000_000L;
        long lastFailure = faultNs;
        for (Ledger.Command c : commands) {
            if (!c.setUp() && failed(c) && c.sentNs() >= faultNs && c.sentNs() <= disturbedUntil) {
                lastFailure = Math.max(lastFailure, c.doneNs());
            }
        }
        final long after = lastFailure;
        long recovered = commands.stream().filter(c -> !c.setUp() && c.ok() && c.doneNs() > after)
                .mapToLong(Ledger.Command::doneNs).min().orElse(-1);
        m.put("recoverySeconds", recovered < 0 ? null : Report.round2((recovered - faultNs) / 1e9));
        long firstOk = commands.stream().filter(c -> !c.setUp() && c.ok() && c.sentNs() >= faultNs)
                .mapToLong(Ledger.Command::doneNs).min().orElse(-1);
        m.put("firstOkAfterFaultSeconds", firstOk < 0 ? null : Report.round2((firstOk - faultNs) / 1e9));
        if (restoredNs != null) {
            long firstAfter = commands.stream().filter(c -> !c.setUp() && c.ok() && c.sentNs() >= restoredNs)
                    .mapToLong(Ledger.Command::doneNs).min().orElse(-1);
            m.put("restoredAfterSeconds", Report.round2((restoredNs - faultNs) / 1e9));
            m.put("firstOkSentAfterRestoreSeconds", firstAfter < 0 ? null
                    : Report.round2((firstAfter - restoredNs) / 1e9));
        }
        long windowEnd = recovered < 0 ? Long.MAX_VALUE : recovered;
        Map<String, Long> inWindow = new TreeMap<>();
        long slowestFailed = 0;
        long slowestDuring = 0;
        for (Ledger.Command c : commands) {
            if (c.setUp()) {
                continue;
            }
            if (restoredNs != null && c.sentNs() >= faultNs && c.sentNs() <= restoredNs) {
                slowestDuring = Math.max(slowestDuring, c.latencyNs());
            }
            if (c.ok() || c.doneNs() < faultNs || c.sentNs() > windowEnd) {
                continue;
            }
            inWindow.merge(status(c), 1L, Long::sum);
            slowestFailed = Math.max(slowestFailed, c.latencyNs());
        }
        m.put("failedAnswersUntilRecovery", inWindow);
        m.put("slowestFailedAnswerSeconds", Report.round2(slowestFailed / 1e9));
        if (restoredNs != null) {
            m.put("slowestAnswerSentDuringOutageSeconds", Report.round2(slowestDuring / 1e9));
        }
        return m;
    }

    /** A failure of the service, as opposed to a refusal by a business rule (4xx). */
    private static boolean failed(Ledger.Command c) {
        return c.outcome() != Ledger.Outcome.ANSWERED || c.status() >= 500;
    }

    /**
     * The longest time in [from, to] in which no command got a 2xx answer, and when it began; and every stall longer
     * than {@code limitMs} (when they recur at the credentials cache's TTL, the cache is their cause).
     */
    static Map<String, Object> stall(List<Ledger.Command> commands, long fromNs, long toNs, long limitMs) {
        List<Long> done = new ArrayList<>();
        for (Ledger.Command c : commands) {
            if (!c.setUp() && c.ok() && c.doneNs() >= fromNs && c.doneNs() <= toNs) {
                done.add(c.doneNs());
            }
        }
        done.sort(Long::compare);
        done.add(toNs);
        long previous = fromNs;
        long longest = 0;
        long at = fromNs;
        List<String> overLimit = new ArrayList<>();
        for (long d : done) {
            if (d - previous > longest) {
                longest = d - previous;
                at = previous;
            }
            if (d - previous > limitMs * 1_000_000 && overLimit.size() < 30) {
                overLimit.add(Report.round2((d - previous) / 1e9) + " s from second "
                        + Report.round1((previous - fromNs) / 1e9));
            }
            previous = d;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("longestStallSeconds", Report.round2(longest / 1e9));
        m.put("longestStallBeganAtSecond", Report.round1((at - fromNs) / 1e9));
        m.put("stallsOverLimit", overLimit);
        return m;
    }

    /** 2xx answers per second of the load, from its start. */
    static List<Long> perSecond(List<Ledger.Command> commands, long fromNs, long toNs) {
        int seconds = (int) Math.ceil((toNs - fromNs) / 1e9);
        long[] buckets = new long[Math.max(1, seconds)];
        for (Ledger.Command c : commands) {
            if (!c.setUp() && c.ok() && c.doneNs() >= fromNs && c.doneNs() < toNs) {
                buckets[(int) ((c.doneNs() - fromNs) / 1_000_000_000L)]++;
            }
        }
        List<Long> list = new ArrayList<>();
        for (long b : buckets) {
            list.add(b);
        }
        return list;
    }

    /**
     * Health around a fault: the first answer other than UP after the fault (how long health took to say DOWN),
     * the first UP after the restore, and the slowest health answer meanwhile.
     */
    static Map<String, Object> health(List<HealthProbe.Probe> probes, long faultNs, Long restoredNs) {
        Map<String, Object> m = new LinkedHashMap<>();
        Long firstDown = probes.stream().filter(p -> p.sentNs() >= faultNs && p.status() != 200 && p.status() > 0)
                .map(HealthProbe.Probe::doneNs).min(Long::compare).orElse(null);
        m.put("downAnsweredAfterSeconds", firstDown == null ? null : Report.round2((firstDown - faultNs) / 1e9));
        if (restoredNs != null) {
            Long firstUp = probes.stream().filter(p -> p.sentNs() >= restoredNs && p.status() == 200)
                    .map(HealthProbe.Probe::doneNs).min(Long::compare).orElse(null);
            m.put("upAfterRestoreSeconds", firstUp == null ? null : Report.round2((firstUp - restoredNs) / 1e9));
        }
        long end = restoredNs == null ? Long.MAX_VALUE : restoredNs + 30_000_000_000L;
        long slowest = 0;
        Map<String, Long> statuses = new TreeMap<>();
        for (HealthProbe.Probe p : probes) {
            if (p.sentNs() >= faultNs && p.sentNs() <= end) {
                slowest = Math.max(slowest, p.doneNs() - p.sentNs());
                statuses.merge(p.status() < 0 ? "no answer" : String.valueOf(p.status()), 1L, Long::sum);
            }
        }
        m.put("slowestAnswerSeconds", Report.round2(slowest / 1e9));
        m.put("answers", statuses);
        return m;
    }
}
