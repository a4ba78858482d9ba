package io.koubei.dashboard.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.store.FeedbackStore;
import io.koubei.dashboard.alerting.Alert;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.ingest.connect.SourceConfig;
import io.koubei.ingest.connect.SyncResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code koubei serve} with a {@code sources.yml} pointing at a local server in the App Store feed's shape: the
 * scheduler runs the source on the leading node, {@code GET /api/v1/sources} shows its status, and three failed runs
 * in a row raise a SOURCE_DOWN alert.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SourcesApiTest {
    static final AtomicBoolean REFUSE = new AtomicBoolean();
    static final String SECRET = "hook-secret-0123456789";
    static final HttpServer APPLE = apple();
    static final Path DATA_DIR = dataDir();
    static final String ANALYST = "Basic " + Base64.getEncoder().encodeToString("ana:ana-pw".getBytes(StandardCharsets.UTF_8));

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", DATA_DIR::toString);
        r.add("koubei.security.users[0].name", () -> "ana");
        r.add("koubei.security.users[0].password", () -> "ana-pw");
        r.add("koubei.security.users[0].role", () -> "ANALYST");
        r.add("koubei.sources.check-interval", () -> "PT0.5S");
    }

    @LocalServerPort
    int port;
    @Autowired
    SourcesService sources;
    @Autowired
    AlertService alerts;
    @Autowired
    FeedbackStore store;

    @AfterAll
    static void stop() throws IOException {
        APPLE.stop(0);
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theSchedulerRunsTheSourceTheApiShowsItAndRepeatedFailuresRaiseSourceDown() throws Exception {
        JsonNode source = null;
        for (int i = 0; i < 120 && (source == null || source.path("lastSuccessAt").isNull()); i++) {
            Thread.sleep(250);
            source = get("/api/v1/sources").path("sources").get(0);
        }
        assertThat(source.path("name").asString()).isEqualTo("appstore-cn");
        assertThat(source.path("type").asString()).isEqualTo("appstore");
        assertThat(source.path("schedule").asString()).isEqualTo("PT1H");
        assertThat(source.path("created").asLong()).isEqualTo(2);
        assertThat(source.path("lastError").isNull()).isTrue();
        assertThat(source.path("nextRunAt").asString()).isNotEmpty();
        assertThat(source.toString()).doesNotContain("appId").doesNotContain("1142110895");
        assertThat(store.get("appstore-cn:5001")).isPresent();

        REFUSE.set(true);
        SourceConfig config = sources.sources().get(0);
        for (int i = 1; i <= 3; i++) {
            SyncResult r = sources.run(config);
            assertThat(r.error()).contains("HTTP 401");
            assertThat(alerts.list(null).stream().anyMatch(a -> a.type() == SignalType.SOURCE_DOWN)).isEqualTo(i == 3);
        }
        JsonNode down = get("/api/v1/sources").path("sources").get(0);
        assertThat(down.path("down").asBoolean()).isTrue();
        assertThat(down.path("consecutiveFailures").asInt()).isEqualTo(3);
        assertThat(down.path("lastError").asString()).contains("credentials were refused");
        String page = page("/sources");
        assertThat(page).contains("appstore-cn").contains("中断").contains("credentials were refused").contains("typeform-nps");
        Alert alert = alerts.list(null).stream().filter(a -> a.type() == SignalType.SOURCE_DOWN).findFirst().orElseThrow();
        assertThat(alert.title()).contains("appstore-cn").contains("连续 3 次失败");

        REFUSE.set(false);
        assertThat(sources.run(config).ok()).isTrue();
        assertThat(get("/api/v1/sources").path("sources").get(0).path("down").asBoolean()).isFalse();
    }

    @Test
    void aSignedWebhookLandsAndAnUnsignedOneIsRefusedWithoutSignIn() throws Exception {
        String body = """
                {"event_type":"form_response","form_response":{"token":"tok-1","submitted_at":"2026-12-05T10:15:30Z",
                 "answers":[{"type":"number","number":3},{"type":"text","text":"发热严重"}]}}""";
        String signature = java.util.HexFormat.of().formatHex(io.koubei.ingest.connect.webhook.WebhookSource.sign(
                SECRET.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> ok = post("/api/v1/hooks/typeform-nps", body, signature);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(ok.body()).path("created").asLong()).isEqualTo(1);
        assertThat(store.get("typeform-nps:tok-1")).isPresent();
        assertThat(store.get("typeform-nps:tok-1").orElseThrow().item().rating().value()).isEqualTo(3.0);

        assertThat(post("/api/v1/hooks/typeform-nps", body, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/hooks/typeform-nps", body + " ", signature).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/hooks/appstore-cn", body, signature).statusCode()).isEqualTo(404);
        JsonNode hook = get("/api/v1/sources").path("sources").get(1);
        assertThat(hook.path("name").asString()).isEqualTo("typeform-nps");
        assertThat(hook.path("created").asLong()).isEqualTo(1);
    }

    private String page(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", ANALYST).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<String> post(String path, String body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("X-Koubei-Signature", signature);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", ANALYST).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(r.body());
    }

    private static Path dataDir() {
        try {
            Path dir = Files.createTempDirectory("koubei-sources-api");
            Files.writeString(dir.resolve("sources.yml"), """
                    sources:
                      - name: appstore-cn
                        type: appstore
                        appId: "1142110895"
                        country: cn
                        schedule: PT1H
                        product: nova-x1
                        baseUrl: http://127.0.0.1:%d
                      - name: typeform-nps
                        type: webhook
                        channel: survey
                        secret: %s
                        mapping: typeform.yml
                    """.formatted(APPLE.getAddress().getPort(), SECRET));
            Files.writeString(dir.resolve("typeform.yml"), """
                    columns:
                      externalId: form_response.token
                      createdAt: form_response.submitted_at
                      rating.value: form_response.answers.0.number
                      text: form_response.answers.1.text
                    constants:
                      rating.scale: nps
                    unmapped: ignore
                    """);
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer apple() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/", ex -> {
                String body;
                int status = 200;
                if (REFUSE.get()) {
                    status = 401;
                    body = "unauthorized";
                } else if (ex.getRequestURI().getPath().contains("/page=1/")) {
                    body = """
                            {"feed":{"entry":[
                             {"author":{"name":{"label":"用户A"},"uri":{"label":"https://itunes.apple.com/cn/reviews/id1"}},
                              "updated":{"label":"2026-12-01T10:00:00-07:00"},"im:rating":{"label":"2"},"im:version":{"label":"3.1"},
                              "id":{"label":"5001"},"title":{"label":"发热"},"content":{"label":"玩游戏发热严重","attributes":{"type":"text"}}},
                             {"author":{"name":{"label":"用户B"},"uri":{"label":"https://itunes.apple.com/cn/reviews/id2"}},
                              "updated":{"label":"2026-11-30T10:00:00-07:00"},"im:rating":{"label":"5"},"im:version":{"label":"3.1"},
                              "id":{"label":"5000"},"title":{"label":"好用"},"content":{"label":"拍照很好","attributes":{"type":"text"}}}
                            ]}}""";
                } else {
                    body = "{\"feed\":{\"author\":{\"name\":{\"label\":\"iTunes Store\"}}}}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
