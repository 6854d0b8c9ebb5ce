package com.deskledger.resilience;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every duration and size of a run, from environment variables. Defaults give a run of about 12 minutes;
 * {@code RESILIENCE_QUICK=1} shortens every phase (about 4 minutes) for development. Each value is echoed in the
 * report, so a reader knows what a figure was measured with.
 */
record Settings(boolean quick, int clients, int manyClients, int beforeSeconds, int afterSeconds,
                int outageSeconds, int twoNodeSeconds, int manySeconds, int settleSeconds, Duration firstResponse,
                Duration resolution, Duration authCacheTtl, long maxStallMs, int sharedMembers,
                int sharedComplaints, int requestTimeoutSeconds, int deadlineSlackSeconds, List<String> experiments,
                String pgBin) {

    static final List<String> ALL = List.of("app-kill", "pg-restart", "postmaster-kill", "two-nodes",
            "many-clients", "haproxy");

    static Settings fromEnvironment() {
        boolean quick = "1".equals(System.getenv("RESILIENCE_QUICK"));
        String experiments = env("RESILIENCE_EXPERIMENTS", String.join(",", ALL));
        List<String> chosen = Arrays.stream(experiments.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        for (String e : chosen) {
            if (!ALL.contains(e)) {
                throw new IllegalArgumentException("RESILIENCE_EXPERIMENTS: unknown experiment " + e + " (known: "
                        + ALL + ")");
            }
        }
        return new Settings(quick,
                intEnv("RESILIENCE_CLIENTS", 8),
                intEnv("RESILIENCE_MANY_CLIENTS", 64),
                intEnv("RESILIENCE_BEFORE_SECONDS", quick ? 8 : 40),
                intEnv("RESILIENCE_AFTER_SECONDS", quick ? 8 : 40),
                intEnv("RESILIENCE_OUTAGE_SECONDS", quick ? 4 : 10),
                intEnv("RESILIENCE_TWO_NODE_SECONDS", quick ? 15 : 90),
                intEnv("RESILIENCE_MANY_SECONDS", quick ? 20 : 90),
                intEnv("RESILIENCE_SETTLE_SECONDS", quick ? 10 : 20),
                Duration.parse(env("RESILIENCE_SLA_FIRST_RESPONSE", quick ? "PT8S" : "PT20S")),
                Duration.parse(env("RESILIENCE_SLA_RESOLUTION", quick ? "PT16S" : "PT45S")),
                Duration.parse(env("RESILIENCE_AUTH_TTL", quick ? "PT10S" : "PT30S")),
                intEnv("RESILIENCE_MAX_STALL_MS", 1000),
                intEnv("RESILIENCE_SHARED_MEMBERS", 6),
                intEnv("RESILIENCE_SHARED_COMPLAINTS", 4),
                intEnv("RESILIENCE_REQUEST_TIMEOUT_SECONDS", 45),
                intEnv("RESILIENCE_DEADLINE_SLACK_SECONDS", 15),
                chosen,
                env("RESILIENCE_PG_BIN", ""));
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quick", quick);
        m.put("clients", clients);
        m.put("manyClients", manyClients);
        m.put("loadBeforeFaultSeconds", beforeSeconds);
        m.put("loadAfterRecoverySeconds", afterSeconds);
        m.put("postmasterDownSeconds", outageSeconds);
        m.put("twoNodeSeconds", twoNodeSeconds);
        m.put("manyClientsSeconds", manySeconds);
        m.put("settleSeconds", settleSeconds);
        m.put("slaMajorFirstResponse", firstResponse.toString());
        m.put("slaMajorResolution", resolution.toString());
        m.put("authCacheTtlInManyClients", authCacheTtl.toString());
        m.put("maxStallMs", maxStallMs);
        m.put("sharedMembers", sharedMembers);
        m.put("sharedComplaints", sharedComplaints);
        m.put("requestTimeoutSeconds", requestTimeoutSeconds);
        m.put("deadlineSlackSeconds", deadlineSlackSeconds);
        m.put("experiments", experiments);
        return m;
    }

    static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
