package io.koubei.dashboard.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container health check that needs neither curl nor a shell in the image: exit 0 when
 * {@code http://127.0.0.1:$PORT/actuator/health/readiness} (or the path given) answers 200 within 3 s, else 1.
 * Only JDK classes, so it starts in a fraction of a second from {@code /app/classes}:
 * {@code java -cp /app/classes io.koubei.dashboard.ops.HealthCheck [path]} (deploy/compose.yaml uses it).
 */
public final class HealthCheck {
    private HealthCheck() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "8080");
        String path = args.length > 0 ? args[0] : "/actuator/health/readiness";
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(3))
                            .GET().build(), HttpResponse.BodyHandlers.discarding());
            System.exit(r.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("health check: " + e);
            System.exit(1);
        }
    }
}
