package com.deskledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** BENCHMARKS.md from the raw figures: tables with the targets of issue 7 beside the measured values. */
final class Report {

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Writes BENCHMARKS.md again from a results file (e.g. after bench/analysis.md changed): results.json, out.md. */
    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Map<String, Object> results = Bench.JSON.readValue(Path.of(args[0]).toFile(), Map.class);
        Files.writeString(Path.of(args[1]), markdown(results));
    }

    static String markdown(Map<String, Object> r) {
        StringBuilder md = new StringBuilder();
        md.append("# DeskLedger benchmarks\n\n");
        md.append("Written by `bench/run` (see the README). Raw figures: [bench/results.json](bench/results.json)."
                + " Causes of missed targets: the section *Analysis* at the end"
                + " (`bench/analysis.md`, written by hand from a profiled run; it is not regenerated).\n\n");
        md.append("## Machine and settings\n\n| | |\n|---|---|\n");
        map(r.get("settings")).forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));

        md.append("\n## PostgreSQL's limit (plain JDBC, one-row insert transactions, autocommit)\n\n");
        md.append("Table shaped like `domainevententry` (bigserial key, unique (aggregate id, sequence), unique event"
                + " id, ~600-byte payload, no hash trigger).\n\n");
        md.append("| clients | inserts/s | median ms | p99 ms |\n|---|---|---|---|\n");
        map(r.get("limit")).values().forEach(v -> {
            Map<String, Object> l = map(v);
            md.append("| ").append(l.get("clients")).append(" | ").append(l.get("insertsPerSecond")).append(" | ")
                    .append(l.get("medianMs")).append(" | ").append(l.get("p99Ms")).append(" |\n");
        });

        md.append("\n## Commands (HTTP + Basic auth + Axon + PostgreSQL), realistic mix\n\n");
        md.append("Mix per client step: 40% a visit or call (start, a message half of the time, end), 35% a class"
                + " check-in of one of 200 members with a credit pack (each member's next class on a timetable of twelve"
                + " classes a day), 15% a complaint (file + investigation note),"
                + " 10% a shift (schedule as supervisor, clock-in, clock-out). Every request is one command."
                + " Target at 8 clients: ≥ 30% of the insert limit, p99 ≤ 20 ms.\n\n");
        md.append("| clients | commands/s | events/s | median ms | p99 ms | insert limit/s | ratio | target |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        map(r.get("commands")).values().forEach(v -> {
            Map<String, Object> c = map(v);
            boolean eight = num(c.get("clients")) == 8;
            String target = eight ? ((num(c.get("ratioToInsertLimit")) >= 0.3 && num(c.get("p99Ms")) <= 20)
                    ? "met" : "**missed**") : "–";
            md.append("| ").append(c.get("clients")).append(" | ").append(c.get("commandsPerSecond")).append(" | ")
                    .append(c.get("eventsPerSecond")).append(" | ").append(c.get("medianMs")).append(" | ")
                    .append(c.get("p99Ms")).append(" | ").append(c.get("insertLimitPerSecond")).append(" | ")
                    .append(c.get("ratioToInsertLimit")).append(" | ").append(target).append(" |\n");
        });
        md.append("\nCPU per command (the three parties share the machine's cores; CPU per command bounds the"
                + " throughput: cores × 1000 / total ms):\n\n");
        md.append("| clients | application ms | PostgreSQL ms | load generator ms | total ms | cores busy |"
                + " bound commands/s |\n|---|---|---|---|---|---|---|\n");
        map(r.get("commands")).values().forEach(v -> {
            Map<String, Object> c = map(v);
            Map<String, Object> cpu = map(c.get("cpu"));
            if (cpu.isEmpty()) {
                return;
            }
            double total = num(cpu.get("totalMsPerCommand"));
            double cores = num(map(r.get("settings")).get("cores"));
            md.append("| ").append(c.get("clients")).append(" | ").append(cpu.get("appMsPerCommand")).append(" | ")
                    .append(cpu.get("postgresMsPerCommand")).append(" | ").append(cpu.get("loadGeneratorMsPerCommand"))
                    .append(" | ").append(total).append(" | ").append(cpu.get("coresBusy")).append(" | ")
                    .append(total > 0 ? Math.round(cores * 1000 / total) : "–").append(" |\n");
        });

        Map<String, Object> f = map(r.get("freshness"));
        md.append("\n## Freshness under the 8-client load (target p99 ≤ 250 ms)\n\n");
        md.append("| samples | median ms | p99 ms | not consistent within 2 s | target |\n|---|---|---|---|---|\n");
        md.append("| ").append(f.get("samples")).append(" | ").append(f.get("medianMs")).append(" | ")
                .append(f.get("p99Ms")).append(" | ").append(f.get("notConsistentWithin2s")).append(" | ")
                .append(num(f.get("p99Ms")) <= 250 ? "met" : "**missed**").append(" |\n\n");
        md.append("Method: ").append(f.get("method")).append(".\n");

        Map<String, Object> store = map(r.get("store"));
        md.append("\n## Replay (target ≥ 20,000 events/s, store of 1,000,000 events)\n\n");
        md.append("Store: ").append(store.get("events")).append(" events in ").append(store.get("aggregates"))
                .append(" aggregates, ").append(store.get("eventTableMb")).append(" MB; generated by ")
                .append(store.get("generatedBy")).append(".\n\n");
        Map<String, Object> g = map(r.get("generated"));
        if (!g.isEmpty()) {
            Map<String, Object> catchUp = map(g.get("liveCatchUp"));
            md.append("The generated year (`bench/src/main/java/com/deskledger/bench/StoreGenerator.java`): ")
                    .append(g.get("events")).append(" events in ").append(g.get("aggregates"))
                    .append(" aggregates, centres ").append(g.get("centres")).append(", ").append(g.get("from"))
                    .append(" to ").append(g.get("to")).append(", written in ").append(g.get("seconds"))
                    .append(" s (").append(g.get("eventsPerSecond")).append(" events/s, COPY through the hash-chain"
                    + " trigger, with the application's own side tables). Afterwards every view took them in at"
                    + " once, live, in ").append(catchUp.get("seconds")).append(" s; each replay below then"
                    + " rebuilds one view from the first event.\n\n");
        }
        md.append("| view (processor) | events | seconds | events/s | target |\n|---|---|---|---|---|\n");
        map(r.get("replay")).forEach((k, v) -> {
            Map<String, Object> p = map(v);
            md.append("| ").append(k).append(" | ").append(p.get("events")).append(" | ").append(p.get("seconds"))
                    .append(" | ").append(p.get("eventsPerSecond")).append(" | ")
                    .append(num(p.get("eventsPerSecond")) >= 20_000 ? "met" : "**missed**").append(" |\n");
        });

        md.append("\n## Dashboard queries at that size (target p99 ≤ 30 ms), sequential, idle app\n\n");
        Map<String, Object> vacuum = map(r.get("vacuum"));
        if (!vacuum.isEmpty()) {
            md.append("Before the queries the harness runs `VACUUM (ANALYZE)` (").append(vacuum.get("seconds"))
                    .append(" s), as autovacuum would have by then on a production server (autovacuum on this"
                    + " server: ").append(vacuum.get("autovacuumOnServer")).append(").\n\n");
        }
        md.append("| query | status | median ms | p99 ms | target |\n|---|---|---|---|---|\n");
        map(r.get("queries")).forEach((k, v) -> {
            Map<String, Object> q = map(v);
            md.append("| ").append(k).append(" `").append(q.get("path")).append("` | ").append(q.get("status"))
                    .append(" | ").append(q.get("medianMs")).append(" | ").append(q.get("p99Ms")).append(" | ")
                    .append(num(q.get("p99Ms")) <= 30 ? "met" : "**missed**").append(" |\n");
        });

        Map<String, Object> lm = map(r.get("longMember"));
        md.append("\n## A member with a long history (target: loads in ≤ 5 ms)\n\n");
        md.append("| | events | check-in median ms | p99 ms | load ms (median − small member's) |\n"
                + "|---|---|---|---|---|\n");
        md.append("| small member | – | ").append(map(lm.get("checkInSmallMember")).get("medianMs")).append(" | ")
                .append(map(lm.get("checkInSmallMember")).get("p99Ms")).append(" | – |\n");
        md.append("| with snapshot | ").append(lm.get("events")).append(" | ")
                .append(map(lm.get("checkInWithSnapshot")).get("medianMs")).append(" | ")
                .append(map(lm.get("checkInWithSnapshot")).get("p99Ms")).append(" | ")
                .append(lm.get("loadWithSnapshotMs")).append(" |\n");
        md.append("| without snapshot | ").append(lm.get("events")).append(" | ")
                .append(map(lm.get("checkInWithoutSnapshot")).get("medianMs")).append(" | ")
                .append(map(lm.get("checkInWithoutSnapshot")).get("p99Ms")).append(" | ")
                .append(lm.get("loadWithoutSnapshotMs")).append(" |\n\n");
        md.append("Method: ").append(lm.get("method")).append(". Snapshot size: ").append(lm.get("snapshotBytes"))
                .append(" bytes.\n");

        md.append("\n## Memory of the application process\n\n| | |\n|---|---|\n");
        map(r.get("memory")).forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\nErrors (unexpected answers, by request and status): ").append(r.get("errors")).append("\n");
        md.append("\nTotal run time: ").append(r.get("totalSeconds")).append(" s.\n");
        Path analysis = Path.of("bench", "analysis.md");
        if (Files.exists(analysis)) {
            try {
                md.append("\n").append(Files.readString(analysis));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return md.toString();
    }
}
