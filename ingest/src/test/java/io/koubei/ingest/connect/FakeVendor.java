package io.koubei.ingest.connect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local HTTP server that answers like a vendor: a function per path gives the reply to each request (so a test
 * can change what the "vendor" holds between syncs), and queued failures (a 500, a 429 with Retry-After, a 401) are
 * served first, once each. Every request is recorded.
 */
final class FakeVendor implements AutoCloseable {

    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(String body) {
            return new Reply(200, Map.of("Content-Type", "application/json; charset=utf-8"), body);
        }

        static Reply xml(String body) {
            return new Reply(200, Map.of("Content-Type", "application/rss+xml; charset=utf-8"), body);
        }
    }

    record Request(String method, String pathAndQuery, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
    private final Map<String, Deque<Reply>> failures = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeVendor() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests whose path (without query) is {@code path}. */
    void route(String path, Function<Request, Reply> reply) {
        routes.put(path, reply);
    }

    /** The next request to {@code pathAndQueryPrefix} gets this reply instead (once). */
    void failNext(String pathAndQueryPrefix, Reply reply) {
        failures.computeIfAbsent(pathAndQueryPrefix, k -> new ArrayDeque<>()).add(reply);
    }

    static String query(Request r, String name) {
        String pq = r.pathAndQuery();
        int q = pq.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String p : pq.substring(q + 1).split("&")) {
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void handle(HttpExchange ex) throws IOException {
        String pq = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        Request req = new Request(ex.getRequestMethod(), pq, Map.copyOf(ex.getRequestHeaders()));
        requests.add(req);
        Reply reply = null;
        for (Map.Entry<String, Deque<Reply>> f : failures.entrySet()) {
            if (pq.startsWith(f.getKey())) {
                synchronized (f.getValue()) {
                    reply = f.getValue().poll();
                }
                if (reply != null) {
                    break;
                }
            }
        }
        if (reply == null) {
            Function<Request, Reply> route = routes.get(ex.getRequestURI().getRawPath());
            reply = route == null ? new Reply(404, Map.of(), "{\"message\":\"Not Found\"}") : route.apply(req);
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
