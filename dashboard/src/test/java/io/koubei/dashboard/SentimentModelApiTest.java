package io.koubei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The platform trains its sentiment model from its own rated feedback: star reviews that use a word the built-in
 * lexicon does not know (丝血: battery nearly empty, 满血: full) teach it; the new version becomes active for new
 * items, is listed with what it was trained on, and can be switched back to the built-in rules. Only admins train.
 */
// the context must close (and its background re-scan stop) before JUnit deletes the class's data directory;
// with its own data directory it could never be reused from the context cache anyway
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SentimentModelApiTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> ApiClient.TEST_TOKEN);
        r.add("koubei.security.users[0].name", () -> "boss");
        r.add("koubei.security.users[0].password", () -> "boss-pw");
        r.add("koubei.security.users[0].role", () -> "ADMIN");
        r.add("koubei.security.users[1].name", () -> "ana");
        r.add("koubei.security.users[1].password", () -> "ana-pw");
        r.add("koubei.security.users[1].role", () -> "ANALYST");
        r.add("koubei.sentiment.reanalyze", () -> "false");
    }

    @LocalServerPort
    int port;

    ApiClient api;
    ApiClient admin;

    @BeforeEach
    void clients() {
        api = new ApiClient(port);
        admin = api.as(ApiClient.basic("boss", "boss-pw"));
    }

    private static String review(int n, int stars, String text) {
        return "{\"source\":\"shop\",\"channel\":\"review\",\"externalId\":\"r" + n + "\",\"createdAt\":\"2026-11-0"
                + (1 + n % 9) + "T10:00:00+08:00\",\"text\":\"" + text + "\",\"rating\":{\"scale\":\"stars\",\"value\":" + stars + "}}";
    }

    @Test
    void trainsFromRatedFeedbackActivatesAndRollsBack() throws Exception {
        String[] products = {"手机", "平板", "手表", "耳机", "电脑", "相机", "音箱", "键盘", "鼠标", "路由器"};
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (String p : products) {
            for (String context : List.of("下午", "到晚上", "出门前", "开完会")) {
                lines.add(review(n++, 1 + n % 2, "这个" + p + context + "就丝血了"));
                lines.add(review(n++, 4 + n % 2, "这个" + p + context + "还是满血"));
            }
        }
        ApiClient.Response posted = api.post("/api/v1/feedback", "application/x-ndjson", String.join("\n", lines));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);

        JsonNode before = admin.get("/api/v1/models/sentiment").json();
        assertThat(before.get("active").asString()).isEqualTo("builtin");
        assertThat(before.get("models").size()).isZero();

        assertThat(api.as(ApiClient.basic("ana", "ana-pw")).post("/api/v1/models/sentiment/train", "application/json", "").status())
                .isEqualTo(403);
        assertThat(admin.post("/api/v1/models/sentiment/train", "application/json", "").status()).isEqualTo(202);
        JsonNode after = waitForTraining();
        assertThat(after.get("lastRun").get("outcome").asString()).as(after.toString()).isEqualTo("trained");
        String version = after.get("active").asString();
        assertThat(version).startsWith("sentiment-");
        assertThat(after.get("analyzer").asString()).endsWith("+" + version);
        assertThat(after.get("models").get(0).get("trainedOn").asString()).contains("80 rated texts");

        lines = List.of("{\"source\":\"forum\",\"channel\":\"community\",\"externalId\":\"new-1\",\"createdAt\":\"2026-11-10T10:00:00+08:00\",\"text\":\"新买的手柄下午就丝血\"}");
        assertThat(api.post("/api/v1/feedback", "application/x-ndjson", lines.get(0)).status()).isEqualTo(200);
        JsonNode item = api.get("/api/v1/feedback/" + firstId("new-1")).json();
        assertThat(item.toString()).contains("\"polarity\":\"negative\"");

        JsonNode rolledBack = admin.post("/api/v1/models/sentiment/activate?version=builtin", "application/json", "").json();
        assertThat(rolledBack.get("active").asString()).isEqualTo("builtin");
        assertThat(rolledBack.get("analyzer").asString()).doesNotContain("+");
        assertThat(rolledBack.get("models").get(0).get("active").asBoolean()).isFalse();
        assertThat(admin.post("/api/v1/models/sentiment/activate?version=" + version, "application/json", "").json()
                .get("active").asString()).isEqualTo(version);
    }

    private String firstId(String externalId) {
        JsonNode hits = api.get("/api/v1/search?q=丝血&channel=community").json().get("items");
        for (JsonNode h : hits) {
            if (h.toString().contains(externalId)) {
                return h.get("id").asString();
            }
        }
        throw new AssertionError("no item " + externalId + " in " + hits);
    }

    private JsonNode waitForTraining() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode s = admin.get("/api/v1/models/sentiment").json();
        while ((s.get("training").asBoolean() || s.get("lastRun").isNull()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            s = admin.get("/api/v1/models/sentiment").json();
        }
        return s;
    }
}
