package io.koubei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 21, finding 9 (and the CSV formula-injection check without a browser): no Basic challenge on the API, JSON and
 * NDJSON bodies only, a Content-Security-Policy on every page (and no inline script left for it to block), no data
 * directory in the anonymous health answer, an owner-only data directory, an export that says it was capped.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HardeningTest {
    private static final String ANALYST = ApiClient.basic("ana", "ana-pw-1234");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws Exception {
        // what an older version left behind, readable by everyone
        Files.createDirectories(dataDir.resolve("speed"));
        Files.writeString(dataDir.resolve("speed").resolve("events.jsonl"), "");
        Files.setPosixFilePermissions(dataDir.resolve("speed").resolve("events.jsonl"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dataDir.resolve("speed"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> ApiClient.TEST_TOKEN);
        r.add("koubei.security.users[0].name", () -> "ana");
        r.add("koubei.security.users[0].password", () -> "ana-pw-1234");
        r.add("koubei.security.users[0].role", () -> "ANALYST");
        r.add("koubei.export.max-rows", () -> "3");
        r.add("koubei.signals.cron", () -> "");
        r.add("koubei.report.cron", () -> "");
    }

    @LocalServerPort
    int port;

    private static boolean posted;

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return send(at(path).header("Authorization", "Bearer " + ApiClient.TEST_TOKEN).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String line(String id, String text, String author) {
        return "{\"source\":\"hard\",\"channel\":\"review\",\"externalId\":\"" + id + "\",\"createdAt\":\"2026-10-0" + id
                + "T10:00:00+08:00\",\"text\":\"" + text + "\",\"author\":{\"id\":\"" + author + "\"}}";
    }

    private void fourItems() throws Exception {
        if (!posted) {
            String body = String.join("\n", line("1", "=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")", "@SUM(1)"),
                    line("2", "-2+3 好", "+cmd"), line("3", "普通评价", "u3"), line("4", "还行", "u4"));
            assertThat(post("/api/v1/feedback", "application/x-ndjson", body).statusCode()).isEqualTo(200);
            posted = true;
        }
    }

    @Test
    void theApiNeverAsksABrowserForBasicCredentials() throws Exception {
        for (HttpResponse<String> r : List.of(send(at("/api/v1/search")),
                send(at("/api/v1/search").header("Authorization", ApiClient.basic("ghost", "wrong"))),
                send(at("/api/v1/search").header("Authorization", "Bearer wrong")))) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).as(r.body()).isEmpty();
        }
        assertThat(send(at("/api/v1/count").header("Authorization", ANALYST)).statusCode()).as("Basic still works").isEqualTo(200);
    }

    @Test
    void theApiTakesJsonAndNdjsonBodiesOnly() throws Exception {
        String one = line("9", "好", "u9");
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "text/csv", "nonsense")) {
            assertThat(post("/api/v1/feedback", type, one).statusCode()).as(type).isEqualTo(415);
        }
        assertThat(send(at("/api/v1/events").header("Authorization", ANALYST).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("[]"))).statusCode()).isEqualTo(415);
        assertThat(post("/api/v1/feedback", "application/json; charset=utf-8", one).statusCode()).isEqualTo(200);
        assertThat(send(at("/api/v1/speed/queue/check").header("Authorization", ANALYST)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as("a POST without a body").isEqualTo(200);
    }

    @Test
    void everyPageHasAContentSecurityPolicyAndNoInlineScript() throws Exception {
        fourItems();
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
        for (String page : List.of("/", "/search?q=评价", "/alerts", "/reports", "/crosscheck", "/users", "/speed",
                "/settings/taxonomy", "/settings/users", "/item/hard:3")) {
            HttpResponse<String> r = send(at(page).header("Authorization", ANALYST));
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(page).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval"));
            assertThat(inlineScript.matcher(r.body()).find()).as(page + " has an inline script the policy would block").isFalse();
        }
        assertThat(send(at("/login")).headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(send(at("/reports/weekly?week=2026-W40").header("Authorization", ANALYST)).headers()
                .firstValue("Content-Security-Policy")).as("reports keep their own, stricter policy")
                .contains("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        assertThat(send(at("/").header("Authorization", ANALYST)).body()).contains("id=\"overview-data\"")
                .containsPattern("data-overview=\"\\{&quot;total&quot;").contains("data-channels=\"{&quot;");
    }

    @Test
    void anonymousHealthDoesNotShowTheDataDirectory() throws Exception {
        HttpResponse<String> anonymous = send(at("/api/v1/health"));
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain(dataDir.toString())
                .doesNotContain(dataDir.toRealPath().toString());
        assertThat(send(at("/api/v1/health").header("Authorization", "Bearer " + ApiClient.TEST_TOKEN)).body())
                .as("callers with credentials see the details").contains("\"detail\"");
    }

    @Test
    void theDataDirectoryIsOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("speed")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("speed").resolve("events.jsonl"))))
                .isEqualTo("rw-------");
        try (var all = Files.walk(dataDir)) {
            // every folder (made at start or since); files written later by the index sit inside them
            all.filter(Files::isDirectory).forEach(p -> {
                try {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                            .isEqualTo("rwx------");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        // and a file the application creates later
        assertThat(send(at("/api/v1/speed/service-days").header("Authorization", ANALYST).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{\"day\": \"2026-11-02\", \"line\": \"hotline\", \"product\": \"nova-x1\","
                        + " \"offered\": 820, \"answered\": 790, \"handledWithin3Min\": 701, \"rated\": 300, \"satisfied\": 276}")))
                .statusCode()).isEqualTo(200);
        // service days live in the state store now: its journal of the service-days collection
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("state").resolve("service-days.journal"))))
                .isEqualTo("rw-------");
    }

    @Test
    void anExportSaysItWasCappedAndNeutralisesFormulas() throws Exception {
        fourItems();
        HttpResponse<String> r = send(at("/api/v1/export.csv?source=hard").header("Authorization", ANALYST));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Koubei-Export-Truncated")).contains("first 3 of 4 rows");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("first-3-of-4"));
        List<String> lines = r.body().lines().toList();
        assertThat(lines).hasSize(4); // header + 3 rows
        HttpResponse<String> all = send(at("/api/v1/export.csv?source=hard&id=hard:1,hard:2").header("Authorization", ANALYST));
        assertThat(all.headers().firstValue("X-Koubei-Export-Truncated")).isEmpty();
        assertThat(all.body()).contains(",'@SUM(1),").contains("'=HYPERLINK(").contains("'-2+3 好").contains(",'+cmd,")
                .doesNotContain(",=HYPERLINK").doesNotContain(",@SUM");
    }

    @BeforeAll
    static void posixOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }
}
