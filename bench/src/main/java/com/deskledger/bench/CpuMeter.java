package com.deskledger.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by the three parties of a load level (the application, PostgreSQL's processes and this load
 * generator), read from /proc (utime + stime, in clock ticks of 10 ms). Divided by the commands sent it says how
 * much of the machine's two cores one command costs, which bounds the throughput whatever the tuning.
 */
final class CpuMeter {

    private static final double MS_PER_TICK = 10.0;

    record Reading(long app, long postgres, long bench, long wallNanos) {
    }

    private final long appPid;

    CpuMeter(long appPid) {
        this.appPid = appPid;
    }

    Reading read() {
        return new Reading(ticks(appPid), postgresTicks(), ticks(ProcessHandle.current().pid()), System.nanoTime());
    }

    /** CPU milliseconds per command of each party between two readings, and the cores they kept busy. */
    static Map<String, Object> perCommand(Reading from, Reading to, long commands) {
        Map<String, Object> r = new LinkedHashMap<>();
        double seconds = (to.wallNanos() - from.wallNanos()) / 1e9;
        double app = (to.app() - from.app()) * MS_PER_TICK;
        double pg = (to.postgres() - from.postgres()) * MS_PER_TICK;
        double bench = (to.bench() - from.bench()) * MS_PER_TICK;
        long n = Math.max(1, commands);
        r.put("appMsPerCommand", Bench.round(app / n));
        r.put("postgresMsPerCommand", Bench.round(pg / n));
        r.put("loadGeneratorMsPerCommand", Bench.round(bench / n));
        r.put("totalMsPerCommand", Bench.round((app + pg + bench) / n));
        r.put("coresBusy", Bench.round((app + pg + bench) / 1000 / seconds));
        r.put("method", "utime+stime from /proc/<pid>/stat of the application, of every postgres process and of"
                + " the load generator, over the measured seconds, divided by the commands answered 2xx");
        return r;
    }

    private static long postgresTicks() {
        long sum = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName()
                .toString().chars().allMatch(Character::isDigit))) {
            for (Path p : procs) {
                try {
                    if (Files.readString(p.resolve("comm")).trim().startsWith("postgres")) {
                        sum += ticks(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime) are 12 and 13 after the command name
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
