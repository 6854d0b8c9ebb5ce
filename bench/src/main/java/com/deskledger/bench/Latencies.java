package com.deskledger.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latencies in nanoseconds, summarised as median and 99th percentile in milliseconds (nearest rank). */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    static Map<String, Object> summary(List<long[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        long[] all = new long[n];
        int i = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, i, p.length);
            i += p.length;
        }
        return summary(all);
    }

    static Map<String, Object> summary(long[] all) {
        Arrays.sort(all);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("samples", all.length);
        r.put("medianMs", ms(percentile(all, 50)));
        r.put("p99Ms", ms(percentile(all, 99)));
        r.put("maxMs", ms(all.length == 0 ? 0 : all[all.length - 1]));
        return r;
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
