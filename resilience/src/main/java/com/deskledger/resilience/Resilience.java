package com.deskledger.resilience;

import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The crash harness of issue 13: {@code java -jar deskledger-resilience.jar <out-dir> <application jar>}. Runs the
 * experiments of {@code RESILIENCE_EXPERIMENTS} (all by default) against a PostgreSQL of its own, writes
 * {@code results.json} and {@code RESILIENCE.md} into the output directory after every experiment, and exits with
 * 1 when a criterion of the "Done when" fails (2 when the harness itself could not run).
 */
public final class Resilience {

    private Resilience() {
    }

    static void log(String message) {
        System.out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + message);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        Files.createDirectories(out);
        Settings settings = Settings.fromEnvironment();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("startedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        results.put("finishedAt", null);
        results.put("commit", System.getenv().getOrDefault("RESILIENCE_COMMIT", "unknown"));
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("settings", settings.describe());
        Map<String, Object> experiments = new LinkedHashMap<>();
        results.put("experiments", experiments);
        log("settings: " + settings.describe());
        Postgres pg;
        try {
            pg = Postgres.create(settings.pgBin());
        } catch (Exception e) {
            log("could not start the harness's PostgreSQL: " + e.getMessage());
            System.exit(2);
            return;
        }
        log("PostgreSQL of the harness on port " + pg.port + " in " + pg.dir);
        Experiments runner = new Experiments(settings, pg, jar, out);
        Thread cleanUp = new Thread(() -> {
            for (AppNode node : runner.started) {
                try {
                    node.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            pg.close();
        });
        Runtime.getRuntime().addShutdownHook(cleanUp);
        boolean failed = false;
        int number = 1;
        for (String name : settings.experiments()) {
            Map<String, Object> result;
            try {
                result = runner.run(name, number);
            } catch (Exception e) {
                log("experiment " + name + " could not finish: " + e);
                result = new LinkedHashMap<>();
                result.put("title", Experiments.title(name));
                result.put("failures", List.of("the experiment could not finish: " + e.getMessage()));
            } finally {
                for (AppNode node : runner.started) {
                    node.stop();
                }
            }
            @SuppressWarnings("unchecked")
            List<String> failures = (List<String>) result.get("failures");
            failed |= !failures.isEmpty();
            log("experiment " + name + ": " + (failures.isEmpty() ? "pass" : "FAIL " + failures));
            experiments.put(name, result);
            write(out, results);
            number++;
        }
        results.put("finishedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        results.put("passed", !failed);
        write(out, results);
        log("wrote " + out.resolve("RESILIENCE.md") + " and " + out.resolve("results.json"));
        System.exit(failed ? 1 : 0);
    }

    private static void write(Path out, Map<String, Object> results) throws Exception {
        Files.writeString(out.resolve("results.json"), Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(results));
        if (results.get("finishedAt") == null) {
            results.put("finishedAt", "(run in progress)");
            Files.writeString(out.resolve("RESILIENCE.md"), Report.markdown(results));
            results.put("finishedAt", null);
        } else {
            Files.writeString(out.resolve("RESILIENCE.md"), Report.markdown(results));
        }
    }
}
