package io.koubei.dashboard.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The speed page agrees with itself on a fixture with competitor posts: 230 of our posts wait for a reply, 20 of ours
 * were answered by the official account, and 40 posts about the competitor's product wait too. The unanswered count,
 * the queue on the page and the complete list behind the count (paged, more than the 200 ids links once carried) are
 * the same 230 posts, none of them the competitor's.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpeedAgreementTest {
    private static final String TOKEN = "speed-agreement-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path dataDir = tempDir();
    static final int OURS_WAITING = 230;
    static final int OURS_ANSWERED = 20;
    static final int THEIRS_WAITING = 40;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> TOKEN);
        r.add("koubei.security.users[0].name", () -> "ana");
        r.add("koubei.security.users[0].password", () -> "ana-pw-123");
        r.add("koubei.security.users[0].role", () -> "ANALYST");
        r.add("koubei.signals.our-products", () -> "nova-x1");
        r.add("koubei.signals.competitors", () -> "rival-r9");
    }

    static Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("koubei-speed-agree");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private String week;

    @BeforeAll
    void load() throws Exception {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(8);
        week = String.format("%d-W%02d", day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String at = day + "T10:00:00+08:00";
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < OURS_WAITING + OURS_ANSWERED; i++) {
            lines.add(post("o" + i, "nova-x1", at, "请问手机发热怎么办"));
        }
        for (int i = 0; i < THEIRS_WAITING; i++) {
            lines.add(post("c" + i, "rival-r9", at, "极光的信号太差了"));
        }
        for (int i = 0; i < OURS_ANSWERED; i++) {
            lines.add("{\"source\":\"weibo\",\"channel\":\"social\",\"product\":\"nova-x1\",\"externalId\":\"reply" + i
                    + "\",\"createdAt\":\"" + day + "T10:30:00+08:00\",\"text\":\"您好，已私信您\",\"replyTo\":\"weibo:o"
                    + (OURS_WAITING + i) + "\",\"author\":{\"id\":\"official\",\"official\":true}}");
        }
        HttpResponse<String> r = send("POST", "/api/v1/feedback", String.join("\n", lines));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static String post(String id, String product, String at, String text) {
        return "{\"source\":\"weibo\",\"channel\":\"social\",\"product\":\"" + product + "\",\"externalId\":\"" + id
                + "\",\"createdAt\":\"" + at + "\",\"text\":\"" + text + "\"}";
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        // pages as a signed-in analyst (HTTP basic), the import with the API token
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", body != null ? "Bearer " + TOKEN : "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("ana:ana-pw-123".getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            b.header("Content-Type", "application/x-ndjson").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            b.header("Accept", "text/html,application/json").GET();
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String byId(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as(id + " on the page").isTrue();
        return m.group(1).trim();
    }

    private static String hrefOf(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*href=\"([^\"]*)\"|href=\"([^\"]*)\"[^>]*id=\"" + id + "\"").matcher(html);
        assertThat(m.find()).as(id + " link on the page").isTrue();
        return (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
    }

    @Test
    void unansweredCountQueueAndDrillDownAreTheSameSetOfOurPosts() throws Exception {
        String html = send("GET", "/speed?week=" + week, null).body();
        assertThat(byId(html, "unanswered-count")).isEqualTo(String.valueOf(OURS_WAITING));
        assertThat(byId(html, "queue-total")).isEqualTo(String.valueOf(OURS_WAITING));
        assertThat(html).doesNotContain("weibo%3Ac").doesNotContain("/item/weibo%3Ac");

        // the count's link opens the complete list, paged; it says the same total
        String link = hrefOf(html, "unanswered-count");
        assertThat(link).startsWith("/speed/items?set=unanswered").doesNotContain("id=");
        String list = send("GET", link, null).body();
        assertThat(byId(list, "set-total")).isEqualTo(String.valueOf(OURS_WAITING));
        assertThat(hrefOf(html, "queue-all")).isEqualTo(link);

        // every page of the list as JSON: 230 distinct posts, all ours, none answered
        Set<String> ids = new HashSet<>();
        for (int offset = 0; offset < 400; offset += 100) {
            JsonNode page = JSON.readTree(send("GET", "/api/v1" + link + "&limit=100&offset=" + offset, null).body());
            assertThat(page.get("total").asInt()).isEqualTo(OURS_WAITING);
            page.get("items").forEach(it -> {
                assertThat(it.get("product").asString()).isEqualTo("nova-x1");
                ids.add(it.get("id").asString());
            });
        }
        assertThat(ids).hasSize(OURS_WAITING).noneMatch(id -> id.startsWith("weibo:c"))
                .doesNotContain("weibo:o" + OURS_WAITING);

        // the metrics API counts the same set
        JsonNode m = JSON.readTree(send("GET", "/api/v1/speed/metrics?week=" + week, null).body());
        assertThat(m.get("overall").get("summary").get("unansweredIds").size()).isEqualTo(OURS_WAITING);
        assertThat(m.get("overall").get("summary").get("cases").asInt()).isEqualTo(OURS_WAITING + OURS_ANSWERED);
    }
}
