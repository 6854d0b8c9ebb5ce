package com.deskledger.infra.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for tests: real requests to the running application, Basic auth, JSON bodies. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response: status, headers and the body as JSON (or null when it is not JSON). */
    public record Response(int status, Map<String, String> headers, String text) {

        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public Response get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
    }

    public Response post(String user, String path, String json) {
        return post(user, path, json, Map.of());
    }

    public Response post(String user, String path, String json, Map<String, String> headers) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)), headers);
    }

    /**
     * Any method, any body (a publisher without a known length is sent chunked), any headers: for the requests a
     * careless or hostile client makes.
     */
    public Response send(String user, String method, String path, Map<String, String> headers,
                         HttpRequest.BodyPublisher body) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).method(method, body), headers);
    }

    /** Sends with Basic auth as {@code user} (password = user name, as for the demo users); null sends none. */
    private Response send(String user, HttpRequest.Builder request, Map<String, String> headers) {
        if (user != null) {
            String[] parts = user.split(":", 2);
            String password = parts.length == 2 ? parts[1] : parts[0];
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((parts[0] + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> flat = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> flat.put(k.toLowerCase(), String.join(",", v)));
            return new Response(response.statusCode(), flat, response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
