package com.deskledger.resilience;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's log after its start, summed up: how many ERROR and WARN lines, the most frequent of them and the exceptions of the stack
 * traces. Ids and numbers are replaced by placeholders, so lines that differ only in them count as one, and no
 * value from a request reaches the report (the application logs no personal data; this keeps the report short).
 */
final class LogScan {

    private static final Pattern LINE = Pattern.compile(
            "^\\S+\\s+(ERROR|WARN)\\s+(?:\\[[^]]*]\\s+)?\\d+\\s+---\\s+\\[[^]]*]\\s+\\[[^]]*]\\s+(\\S+)\\s+:\\s?(.*)$");
    private static final Pattern EXCEPTION = Pattern.compile(
            "^(?:Caused by: )?((?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error))(?::\\s?(.*))?$");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final int TOP = 8;

    private LogScan() {
    }

    static Map<String, Object> scan(Path log) {
        Map<String, Long> lines = new TreeMap<>();
        Map<String, Long> exceptions = new TreeMap<>();
        long errors = 0;
        long warnings = 0;
        try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            boolean started = false;
            while ((line = r.readLine()) != null) {
                // what a node logs while it starts (deprecations, the demo users' warning) is the same at every
                // start and says nothing about a fault
                if (!started) {
                    started = line.contains("Started DeskLedgerApplication");
                    continue;
                }
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    if ("ERROR".equals(m.group(1))) {
                        errors++;
                    } else {
                        warnings++;
                    }
                    lines.merge(m.group(1) + " " + m.group(2) + ": " + normalise(m.group(3)), 1L, Long::sum);
                    continue;
                }
                Matcher e = EXCEPTION.matcher(line.trim());
                if (e.matches()) {
                    exceptions.merge(e.group(1) + (e.group(2) == null ? "" : ": " + normalise(e.group(2))), 1L,
                            Long::sum);
                }
            }
        } catch (IOException e) {
            return Map.of("error", "could not read " + log);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errorLines", errors);
        m.put("warnLines", warnings);
        m.put("topLines", top(lines));
        m.put("topExceptions", top(exceptions));
        return m;
    }

    private static String normalise(String text) {
        String t = NUMBER.matcher(UUID.matcher(text).replaceAll("<id>")).replaceAll("<n>");
        return t.length() > 220 ? t.substring(0, 220) + "…" : t;
    }

    private static Map<String, Long> top(Map<String, Long> counts) {
        Map<String, Long> top = new LinkedHashMap<>();
        List<Map.Entry<String, Long>> sorted = counts.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(TOP).toList();
        sorted.forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
