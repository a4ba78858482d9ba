package io.koubei.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 21, finding 7: weeks that do not exist ({@code 2026-W00}, {@code 9999-W99}) gave 500 on reports, signals and
 * cross-check and 200 with nothing on search; {@code from=99999999999999999999} said "For input string" without
 * naming the field. Every one is a 400 whose message starts with the parameter's name, on the API and the pages.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadParametersTest {
    private static final String TOKEN = "bad-parameters-token-01";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> TOKEN);
        r.add("koubei.security.users[0].name", () -> "ana");
        r.add("koubei.security.users[0].password", () -> "ana-pw-123");
        r.add("koubei.security.users[0].role", () -> "ANALYST");
        r.add("koubei.signals.cron", () -> "");
        r.add("koubei.report.cron", () -> "");
    }

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ' ', value = {
        "GET /api/v1/signals?week=2026-W00 week:",
        "GET /api/v1/signals?week=9999-W99 week:",
        "POST /api/v1/signals/scan?week=2026-W00 week:",
        "GET /api/v1/crosscheck?week=2026-W00 week:",
        "GET /api/v1/crosscheck?week=9999-W99 week:",
        "GET /api/v1/survey?week=2027-W53 week:",
        "GET /api/v1/weighted?week=2026-W00 week:",
        "GET /api/v1/competitors?week=2026-W00 week:",
        "GET /api/v1/concentration?week=2026-W00 week:",
        "GET /api/v1/search?week=2026-W00 week:",
        "GET /api/v1/search?week=9999-W52 week:",
        "GET /api/v1/aggregates?week=0000-W01 week:",
        "GET /api/v1/count?week=2026-W54 week:",
        "GET /api/v1/search?from=99999999999999999999 from:",
        "GET /api/v1/search?to=2026-13-45 to:",
        "GET /api/v1/search?limit=abc limit:",
        "GET /api/v1/search?offset=99999999999 offset:",
        "GET /api/v1/survey?weeks=99999999999 weeks:",
        "GET /api/v1/crosscheck?topAspects=x topAspects:",
        "GET /reports/weekly?week=2026-W00 week:",
        "GET /reports/weekly?week=9999-W99 week:",
        "GET /crosscheck?week=2026-W00 week:",
        "GET /users?week=9999-W99 week:",
        "GET /search?from=99999999999999999999 from:",
        "GET /alerts?offset=x offset:",
        "GET /alerts?status=closed status:"})
    void aBadWeekOrNumberIsA400NamingTheParameter(String method, String path, String name) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ana:ana-pw-123".getBytes(StandardCharsets.UTF_8)));
        if (method.equals("POST")) {
            b.POST(HttpRequest.BodyPublishers.noBody()); // pages need CSRF; the API takes Basic
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
        assertThat(r.body()).as(path).contains(name).doesNotContain("For input string");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/search?week=2026-W53", "/api/v1/signals?week=2026-W53", "/api/v1/search?week=1970-W01",
        "/api/v1/search?from=1714529730000", "/reports/weekly?week=2100-W52"})
    void realWeeksAndNumbersStillWork(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        if (path.startsWith("/reports")) {
            r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ana:ana-pw-123".getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    }
}
