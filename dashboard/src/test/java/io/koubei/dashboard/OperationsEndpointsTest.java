package io.koubei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The operator's view of a running application: Kubernetes probes (open, no details such as the data directory),
 * Prometheus metrics (admin or the scrape token only) that move with the traffic sent, the old /api/v1/health, and an
 * OpenAPI document that lists every /api route the application really serves.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsEndpointsTest {
    static final String METRICS_TOKEN = "scrape-token-abcdef0123";
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> ApiClient.TEST_TOKEN);
        r.add("koubei.metrics.token", () -> METRICS_TOKEN);
        r.add("koubei.security.users[0].name", () -> "viewer");
        r.add("koubei.security.users[0].password", () -> "{noop}viewer-pw");
        r.add("koubei.security.users[0].role", () -> "VIEWER");
        r.add("koubei.security.users[1].name", () -> "boss");
        r.add("koubei.security.users[1].password", () -> "{noop}boss-pw");
        r.add("koubei.security.users[1].role", () -> "ADMIN");
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiClient anonymous;
    ApiClient admin;

    @BeforeEach
    void clients() {
        anonymous = new ApiClient(port).as(null);
        admin = anonymous.as(ApiClient.basic("boss", "boss-pw"));
    }

    @Test
    void probesAreOpenUpAndNameNoPath() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
            ApiClient.Response r = anonymous.get(probe);
            assertThat(r.status()).as(probe + " " + r.body()).isEqualTo(200);
            assertThat(r.json().get("status").asString()).isEqualTo("UP");
            assertThat(r.body()).as(probe).doesNotContain(dataDir.toString()).doesNotContain("components");
        }
        // an admin sees what readiness is made of: the store and the bus, each with its backend
        JsonNode readiness = admin.get("/actuator/health/readiness").json();
        assertThat(readiness.get("components").get("store").get("details").get("backend").asString()).isEqualTo("lucene");
        assertThat(readiness.get("components").get("bus").get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").has("readinessState")).isTrue();
        JsonNode liveness = admin.get("/actuator/health/liveness").json();
        assertThat(liveness.get("components").has("store")).as("liveness must not depend on the store").isFalse();
        // the custom health endpoint still answers as before
        ApiClient.Response old = anonymous.get("/api/v1/health");
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.json().get("store").get("backend").asString()).isEqualTo("lucene");
    }

    @Test
    void metricsNeedAnAdminOrTheScrapeToken() {
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous.as(ApiClient.basic("viewer", "viewer-pw")).get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(anonymous.as("Bearer " + ApiClient.TEST_TOKEN).get("/actuator/prometheus").status())
                .as("an ingestion token does not read metrics").isEqualTo(401);
        assertThat(anonymous.as("Bearer " + METRICS_TOKEN).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(200);
        // the scrape token opens nothing else
        assertThat(anonymous.as("Bearer " + METRICS_TOKEN).get("/actuator/info").status()).isEqualTo(403);
        assertThat(anonymous.as("Bearer " + METRICS_TOKEN).get("/api/v1/count").status()).isEqualTo(401);
    }

    @Test
    void metricsMoveWithTheTrafficSent() {
        ApiClient scraper = anonymous.as("Bearer " + METRICS_TOKEN);
        String before = scraper.get("/actuator/prometheus").body();
        String good1 = "{\"source\":\"ops-metrics\",\"channel\":\"social\",\"externalId\":\"m1\",\"createdAt\":\"2026-10-01T10:00:00+08:00\",\"text\":\"屏幕很漂亮\"}";
        String good2 = "{\"source\":\"ops-metrics\",\"channel\":\"social\",\"externalId\":\"m2\",\"createdAt\":\"2026-10-01T11:00:00+08:00\",\"text\":\"电池不耐用\"}";
        String good3 = "{\"source\":\"ops-metrics\",\"channel\":\"review\",\"externalId\":\"m3\",\"createdAt\":\"2026-10-01T12:00:00+08:00\",\"text\":\"还行\"}";
        String bad = "{\"source\":\"ops-metrics\",\"channel\":\"telepathy\",\"externalId\":\"m4\",\"createdAt\":\"2026-10-01T10:00:00+08:00\",\"text\":\"x\"}";
        ApiClient.Response posted = new ApiClient(port).post("/api/v1/feedback", "application/x-ndjson",
                String.join("\n", good1, good2, good3, bad));
        assertThat(posted.status()).as(posted.body()).isEqualTo(400);
        assertThat(new ApiClient(port).get("/api/v1/count?source=ops-metrics").status()).isEqualTo(200);

        String after = scraper.get("/actuator/prometheus").body();
        Map<String, String> api = Map.of("via", "api");
        assertThat(delta(before, after, "koubei_ingest_items_total", with(api, "outcome", "received"))).isEqualTo(4);
        assertThat(delta(before, after, "koubei_ingest_items_total", with(api, "outcome", "accepted"))).isEqualTo(3);
        assertThat(delta(before, after, "koubei_ingest_items_total", with(api, "outcome", "rejected"))).isEqualTo(1);
        assertThat(delta(before, after, "koubei_store_items_written_total",
                Map.of("source", "ops-metrics", "channel", "social"))).isEqualTo(2);
        assertThat(delta(before, after, "koubei_store_items_written_total",
                Map.of("source", "ops-metrics", "channel", "review"))).isEqualTo(1);
        assertThat(delta(before, after, "koubei_store_write_seconds_count", Map.of("op", "upsert", "outcome", "ok")))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(after, "koubei_bus_pending", Map.of())).isGreaterThanOrEqualTo(0);
        assertThat(value(after, "koubei_bus_up", Map.of())).isEqualTo(1);
        assertThat(value(after, "koubei_store_up", Map.of())).isEqualTo(1);

        // a detector run is timed (it also writes flags and segments back: more items written, by design)
        ApiClient.Response scan = admin.post("/api/v1/signals/scan?week=2026-W40", "application/json", "");
        assertThat(scan.status()).as(scan.body()).isEqualTo(200);
        String afterScan = scraper.get("/actuator/prometheus").body();
        assertThat(delta(after, afterScan, "koubei_signals_scan_seconds_count", Map.of())).isEqualTo(1);
        // HTTP latency per route comes from Spring's own instrumentation
        assertThat(value(after, "http_server_requests_seconds_count",
                Map.of("uri", "/api/v1/feedback", "method", "POST"))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theOpenApiDocumentListsEveryApiRoute() {
        ApiClient.Response r = anonymous.get("/v3/api-docs");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        Set<String> documented = new TreeSet<>();
        paths.propertyNames().forEach(documented::add);
        assertThat(documented).contains("/api/v1/feedback", "/api/v1/count", "/api/v1/alerts", "/api/v1/health");

        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String p : info.getPatternValues()) {
                if (p.startsWith("/api/")) {
                    served.add(p.replaceAll("\\{([^}:]+):[^}]*}", "{$1}"));
                }
            }
        }
        assertThat(served).hasSizeGreaterThan(10);
        assertThat(documented).containsAll(served);
        // every operation of a served path is documented, with its method
        assertThat(paths.get("/api/v1/feedback").has("post")).isTrue();
        assertThat(paths.get("/api/v1/feedback").get("post").get("requestBody").get("content").has("application/x-ndjson"))
                .as("the ingest body is documented though the controller reads the raw request").isTrue();
        assertThat(paths.get("/api/v1/feedback").get("post").get("responses").get("200").toString()).contains("IngestResponse");
        assertThat(r.json().get("components").get("schemas").get("HealthResponse").get("properties").has("store")).isTrue();
        assertThat(paths.get("/api/v1/count").has("get")).isTrue();
        // how to authenticate is part of the document
        JsonNode schemes = r.json().get("components").get("securitySchemes");
        assertThat(schemes.has("basic")).isTrue();
        assertThat(schemes.has("token")).isTrue();
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    private static Map<String, String> with(Map<String, String> base, String k, String v) {
        Map<String, String> m = new java.util.HashMap<>(base);
        m.put(k, v);
        return m;
    }

    private static double delta(String before, String after, String name, Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    /** Sum of the samples of a metric whose labels include these (Prometheus text format). */
    static double value(String exposition, String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            boolean all = labels.entrySet().stream().allMatch(e -> line.contains(e.getKey() + "=\"" + e.getValue() + "\""));
            if (all) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
