package com.deskledger.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP to one node with Basic authentication (each demo user's password is its name), as a desk client would
 * talk to it. A command carries its own {@code X-Correlation-Id} and is written to the experiment's ledger with
 * what came back; a command is never resent, so one correlation id is one attempt.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What a request came back with; {@code json} is null when the body is not JSON. */
    record Answer(int status, JsonNode json, Ledger.Outcome outcome, String error, String retryAfter) {

        boolean ok() {
            return outcome == Ledger.Outcome.ANSWERED && status / 100 == 2;
        }

        String id() {
            return json == null ? null : json.path("id").asText(null);
        }

        String text(String field) {
            return json == null ? null : json.path(field).asText(null);
        }
    }

    final AppNode node;
    private final HttpClient client;
    private final Duration timeout;

    Http(AppNode node, int timeoutSeconds) {
        this.node = node;
        this.timeout = Duration.ofSeconds(timeoutSeconds);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes());
    }

    /** A command: POSTed with a fresh correlation id, recorded in the ledger. */
    Answer command(Ledger ledger, int clientIndex, boolean setUp, String kind, String user, String path,
                   String body) {
        String correlationId = ledger.nextCorrelationId();
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.base + path))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlationId).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long sent = ledger.now();
        Answer a = send(request);
        long done = ledger.now();
        Long position = a.json() != null && a.json().hasNonNull("position") ? a.json().get("position").asLong()
                : null;
        String code = a.json() != null && a.status() / 100 != 2 ? a.json().path("code").asText(null) : null;
        ledger.add(new Ledger.Command(correlationId, kind, node.name, clientIndex, setUp, sent, done, a.outcome(),
                a.status(), code, position, a.retryAfter() != null));
        return a;
    }

    Answer get(String user, String path, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(node.base + path)).header("Authorization", basic(user))
                .timeout(timeout).GET().build());
    }

    Answer post(String user, String path, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(node.base + path)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String body = r.body();
            if (body != null && !body.isBlank() && (body.startsWith("{") || body.startsWith("["))) {
                try {
                    json = JSON.readTree(body);
                } catch (IOException e) {
                    json = null;
                }
            }
            return new Answer(r.statusCode(), json, Ledger.Outcome.ANSWERED, null,
                    r.headers().firstValue("Retry-After").orElse(null));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return new Answer(-1, null, Ledger.Outcome.NOT_DELIVERED, e.getClass().getSimpleName(), null);
        } catch (IOException e) {
            // the JDK reports a refused connection wrapped when it was refused while reusing the pool
            if (e.getCause() instanceof ConnectException) {
                return new Answer(-1, null, Ledger.Outcome.NOT_DELIVERED, "ConnectException", null);
            }
            return new Answer(-1, null, Ledger.Outcome.BROKEN, e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, Ledger.Outcome.BROKEN, "interrupted", null);
        }
    }
}
