package io.koubei.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests: talks to the running app exactly as an outside caller would. */
final class ApiClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    static final String TEST_TOKEN = "test-token-0123456789";
    private final String base;
    private final String authorization;

    ApiClient(int port) {
        this(port, "Bearer " + TEST_TOKEN);
    }

    ApiClient(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    ApiClient as(String authorization) {
        return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), authorization);
    }

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** As a browser asks for a page. */
    Response page(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
    }

    Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private Response send(HttpRequest unauthenticated) {
        HttpRequest request = authorization == null ? unauthenticated
                : HttpRequest.newBuilder(unauthenticated, (n, v) -> true).header("Authorization", authorization).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
