package com.deskledger.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Asks a node's /actuator/health every 250 ms without waiting for the previous answer (a health check that hangs
 * must not hide the ones after it), and keeps every answer: when health said DOWN after a fault, and UP again.
 */
final class HealthProbe {

    /** One probe: status -1 when no answer came (refused, broken, or no answer within 15 s). */
    record Probe(long sentNs, long doneNs, int status) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ConcurrentLinkedQueue<Probe> probes = new ConcurrentLinkedQueue<>();
    private final Ledger clock;
    private final String url;
    private final Thread thread;
    private volatile boolean running = true;

    HealthProbe(AppNode node, Ledger clock) {
        this.clock = clock;
        this.url = node.base + "/actuator/health";
        this.thread = new Thread(this::loop, "health-" + node.name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    List<Probe> probes() {
        return new ArrayList<>(probes);
    }

    private void loop() {
        while (running) {
            long sent = clock.now();
            http.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> probes.add(new Probe(sent, clock.now(), r == null ? -1 : r.statusCode())));
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
