package com.deskledger.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy in front of the nodes (Debian's {@code haproxy}, which {@code resilience/run} installs when missing), with
 * the configuration of {@code deploy/haproxy.cfg} for the nodes' ports: round robin, a health check of each node's
 * {@code /actuator/health} every second (down after two failures, up after two successes), and a request whose
 * connection a node refused sent to another node (a request already sent is never sent twice: a command could
 * otherwise be stored twice).
 */
final class Balancer {

    private final int port;
    private final Path config;
    private final Path log;
    private Process process;

    Balancer(int port, Path dir, List<AppNode> nodes) throws IOException {
        this.port = port;
        this.config = dir.resolve("haproxy.cfg");
        this.log = dir.resolve("haproxy.log");
        String sample = Files.readString(Path.of("deploy/haproxy.cfg"));
        StringBuilder servers = new StringBuilder();
        for (AppNode node : nodes) {
            servers.append("    server ").append(node.name).append(" 127.0.0.1:").append(node.port)
                    .append(" check\n");
        }
        // the sample's frontend port and servers, replaced by this run's
        String cfg = sample.replace("bind :8080", "bind 127.0.0.1:" + port)
                .replaceAll("(?m)^    server .*\\n", "")
                .replace("    # servers\n", "    # servers\n" + servers);
        Files.writeString(config, cfg);
    }

    static String binary() {
        for (String candidate : List.of("/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    void start() throws Exception {
        String binary = binary();
        if (binary == null) {
            throw new IllegalStateException("haproxy is not installed (apt-get install haproxy)");
        }
        process = new ProcessBuilder(binary, "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    Resilience.log("haproxy up on port " + port + " in front of the nodes");
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("haproxy did not come up; see " + log);
            }
            Thread.sleep(200);
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
