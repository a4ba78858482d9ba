package io.koubei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.koubei.dashboard.signals.SignalsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The foundation end to end on the embedded default: post format-v1 lines over HTTP, then check that what the API
 * reports per week and channel equals a computation made here, independently, from the same lines.
 */
// the context must close (and its background re-scan stop) before JUnit deletes the class's data directory;
// with its own data directory it could never be reused from the context cache anyway
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedbackApiTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> ApiClient.TEST_TOKEN);
        r.add("koubei.security.users[0].name", () -> "viewer");
        r.add("koubei.security.users[0].password", () -> "viewer-pw");
        r.add("koubei.security.users[0].role", () -> "VIEWER");
        r.add("koubei.signals.rescan-quiet", () -> "PT0.2S");
    }

    @Autowired
    SignalsService signals;

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** One NPS response as a format v1 line, written by hand (not by Koubei's own codec). */
    record Response(String id, OffsetDateTime at, String channel, int score, String text) {
        String json() {
            return "{\"source\":\"nps-test\",\"channel\":\"" + channel + "\",\"externalId\":\"" + id
                    + "\",\"createdAt\":\"" + at + "\",\"text\":\"" + text
                    + "\",\"rating\":{\"scale\":\"nps\",\"value\":" + score + "}}";
        }

        String week() {
            OffsetDateTime local = at.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
            return String.format("%d-W%02d", local.get(IsoFields.WEEK_BASED_YEAR), local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }

    @Test
    void npsAndCountsPerWeekAndChannelMatchAnIndependentComputation() {
        Random random = new Random(7);
        String[] channels = {"survey", "review", "community"};
        String[] texts = {"手机很好用，推荐", "续航太差了，后悔买", "一般般吧", "拍照清晰，满意"};
        List<Response> responses = new ArrayList<>();
        OffsetDateTime start = OffsetDateTime.of(2026, 9, 6, 23, 30, 0, 0, ZoneOffset.UTC); // Monday 07:30 in Shanghai
        for (int i = 0; i < 240; i++) {
            responses.add(new Response("r" + i, start.plusHours(random.nextInt(24 * 21)), channels[i % 3],
                    random.nextInt(11), texts[random.nextInt(texts.length)]));
        }
        String body = String.join("\n", responses.stream().map(Response::json).toList());
        ApiClient.Response posted = api.post("/api/v1/feedback", "application/x-ndjson", body);
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().get("created").asInt()).isEqualTo(240);

        Map<String, long[]> expected = new HashMap<>();
        for (Response r : responses) {
            long[] c = expected.computeIfAbsent(r.week() + "|" + r.channel(), k -> new long[3]);
            c[r.score() >= 9 ? 0 : r.score() >= 7 ? 1 : 2]++;
        }
        JsonNode agg = api.get("/api/v1/aggregates?groupBy=week,channel&source=nps-test").json();
        assertThat(agg.get("buckets").size()).isEqualTo(expected.size());
        for (JsonNode b : agg.get("buckets")) {
            String key = b.get("key").get(0).asString() + "|" + b.get("key").get(1).asString();
            long[] c = expected.get(key);
            assertThat(c).as(key).isNotNull();
            JsonNode m = b.get("metrics");
            assertThat(m.get("count").asLong()).isEqualTo(c[0] + c[1] + c[2]);
            assertThat(m.get("promoters").asLong()).isEqualTo(c[0]);
            assertThat(m.get("detractors").asLong()).isEqualTo(c[2]);
            double nps = 100.0 * (c[0] - c[2]) / (c[0] + c[1] + c[2]);
            assertThat(m.get("nps").asDouble()).isCloseTo(nps, org.assertj.core.data.Offset.offset(1e-3));
            // drill-down: the bucket's item link returns exactly its items
            JsonNode items = api.get(b.get("items").asString() + "&limit=1000").json();
            assertThat(items.get("total").asLong()).isEqualTo(c[0] + c[1] + c[2]);
        }
    }

    @Test
    void goodLinesLandAndEachBadLineIsReportedWithLineAndReason() {
        String good1 = "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"g1\",\"createdAt\":\"2026-10-01T10:00:00+08:00\",\"text\":\"屏幕很漂亮\"}";
        String badChannel = "{\"source\":\"weibo\",\"channel\":\"telepathy\",\"externalId\":\"b1\",\"createdAt\":\"2026-10-01T10:00:00+08:00\",\"text\":\"x\"}";
        // (a week no other test of this class uses: the item lands now, and must not move their figures)
        String badRating = "{\"source\":\"nps\",\"channel\":\"survey\",\"externalId\":\"b2\",\"createdAt\":\"2025-01-15T10:00:00+08:00\",\"text\":\"x\",\"rating\":{\"scale\":\"nps\",\"value\":11}}";
        String badDate = "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"b3\",\"createdAt\":\"yesterday\",\"text\":\"x\"}";
        String good2 = "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"g2\",\"createdAt\":1790000000000,\"text\":\"电池不耐用\"}";
        String body = String.join("\n", good1, badChannel, badRating, badDate, good2);

        ApiClient.Response r = api.post("/api/v1/feedback", "application/x-ndjson", body);

        assertThat(r.status()).isEqualTo(400);
        JsonNode json = r.json();
        // an NPS of 11 is an optional detail: the rating is dropped with a warning, the item lands
        assertThat(json.get("accepted").asInt()).isEqualTo(3);
        assertThat(json.get("rejected").asInt()).isEqualTo(2);
        List<String> errors = new ArrayList<>();
        json.get("errors").forEach(e -> errors.add(e.asString()));
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("<request>:2:").contains("channel");
        assertThat(errors.get(1)).startsWith("<request>:4:").contains("createdAt");
        assertThat(json.get("warned").asInt()).isEqualTo(1);
        assertThat(json.get("warnings").get(0).asString())
                .isEqualTo("<request>:3: rating.value: 11 is outside the nps range 0–10; rating dropped (kept in extra as rating.value, rating.scale)");
        assertThat(api.get("/api/v1/feedback/nps:b2").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/feedback/weibo:g1").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/feedback/weibo:g2").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/feedback/weibo:b1").status()).isEqualTo(404);
    }

    @Test
    void resendingTheSameItemsUpdatesInsteadOfDuplicating() {
        String line = "{\"source\":\"appstore\",\"channel\":\"review\",\"externalId\":\"dup-1\",\"createdAt\":\"2026-10-02T10:00:00+08:00\",\"text\":\"物流很快\",\"rating\":{\"scale\":\"stars\",\"value\":5}}";
        assertThat(api.post("/api/v1/feedback", "application/json", line).json().get("created").asInt()).isEqualTo(1);
        JsonNode again = api.post("/api/v1/feedback", "application/json", line).json();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/count?source=appstore&q=物流").json().get("count").asLong()).isEqualTo(1);
    }

    /** The API decides no re-scan: the store path announces the stored week, and the one re-scan service judges it. */
    @Test
    // a week far from every other item of this class: its scan reads the weeks before it too
    void itemsSentToTheApiAreJudgedOnceTheStreamPauses() throws InterruptedException {
        String line = "{\"source\":\"forum\",\"channel\":\"community\",\"externalId\":\"scan-1\",\"createdAt\":\"2024-06-05T10:00:00+08:00\",\"text\":\"电池续航不错\"}";
        assertThat(api.post("/api/v1/feedback", "application/json", line).status()).isEqualTo(200);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (signals.lastScan("2024-W23").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(signals.lastScan("2024-W23")).get().extracting(SignalsService.ScanSummary::itemsScanned)
                .isEqualTo(1);
    }

    @Test
    void searchHighlightsChineseTermsAndMasksPersonalData() {
        String line = "{\"source\":\"forum\",\"channel\":\"community\",\"externalId\":\"pii-1\",\"createdAt\":\"2026-10-03T10:00:00+08:00\",\"text\":\"客服电话打不通，我的手机号13812345678，邮箱 li.lei@example.com <script>alert(1)</script>\"}";
        assertThat(api.post("/api/v1/feedback", "application/json", line).status()).isEqualTo(200);
        JsonNode hit = api.get("/api/v1/search?q=客服&source=forum").json().get("items").get(0);
        assertThat(hit.get("text").asString()).contains("138****5678").doesNotContain("13812345678")
                .contains("l***@example.com");
        assertThat(hit.get("highlight").asString()).contains("<mark>客服</mark>").contains("&lt;script&gt;")
                .doesNotContain("<script>");
        String csv = api.get("/api/v1/export.csv?source=forum").body();
        assertThat(csv).startsWith("\uFEFFid,createdAt,week,channel").contains("forum:pii-1").contains("138****5678")
                .doesNotContain("13812345678").doesNotContain("li.lei@");
        String page = api.as(ApiClient.basic("viewer", "viewer-pw")).get("/search?q=客服").body();
        assertThat(page).contains("<mark>客服</mark>").doesNotContain("<script>alert(1)</script>")
                .doesNotContain("13812345678");
    }

    @Test
    void accessNeedsCredentialsAndViewersCannotWrite() {
        ApiClient anonymous = api.as(null);
        assertThat(anonymous.get("/api/v1/search").status()).isEqualTo(401);
        assertThat(anonymous.page("/").status()).isEqualTo(302);
        assertThat(api.as("Bearer wrong").get("/api/v1/search").status()).isEqualTo(401);
        String line = "{\"source\":\"x\",\"channel\":\"social\",\"externalId\":\"1\",\"createdAt\":\"2026-10-01T10:00:00+08:00\",\"text\":\"t\"}";
        assertThat(api.as(ApiClient.basic("viewer", "viewer-pw")).post("/api/v1/feedback", "application/json", line).status())
                .isEqualTo(403);
        assertThat(anonymous.get("/api/v1/health").status()).isEqualTo(200);
    }

    @Test
    void surveyMetricsAndTheCrossChannelMatrixAnswerForAWeek() {
        List<String> lines = new ArrayList<>();
        int[] scores = new int[40];
        for (int i = 0; i < 40; i++) {
            scores[i] = i < 20 ? 10 : i < 30 ? 7 : 2; // 20 promoters, 10 passives, 10 detractors: NPS 25
            lines.add("{\"source\":\"nps-w40\",\"channel\":\"survey\",\"externalId\":\"s" + i
                    + "\",\"createdAt\":\"2026-10-01T10:00:00+08:00\",\"text\":\"\",\"rating\":{\"scale\":\"nps\",\"value\":"
                    + scores[i] + "},\"fields\":{\"firstRecommend\":\"" + (i % 4 == 0 ? "nova-x1" : "other") + "\"}}");
        }
        assertThat(api.post("/api/v1/feedback", "application/x-ndjson", String.join("\n", lines)).status()).isEqualTo(200);
        JsonNode survey = api.get("/api/v1/survey?week=2026-W40&weeks=1&brand=nova-x1").json();
        JsonNode nps = survey.get("nps").get(0);
        assertThat(nps.get("week").asString()).isEqualTo("2026-W40");
        assertThat(nps.get("score").get("nps").asDouble()).isEqualTo(25.0);
        JsonNode first = survey.get("proportions").get("first_recommendation").get(0);
        assertThat(first.get("value").get("successes").asLong()).isEqualTo(10);
        assertThat(first.get("value").get("n").asLong()).isEqualTo(40);
        JsonNode matrix = api.get("/api/v1/crosscheck?week=2026-W40").json();
        assertThat(matrix.get("byChannel").toString()).contains("survey");
        assertThat(api.get("/api/v1/weighted?week=2026-W40").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/concentration?week=2026-W40").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/competitors?week=2026-W40").status()).isEqualTo(400);
        JsonNode versus = api.get("/api/v1/competitors?week=2026-W40&ours=nova-x1&competitor=rival-r9&channels=survey").json();
        assertThat(versus.has("products")).isTrue();
    }

    @Test
    void badQueryParametersAreClearErrors() {
        ApiClient.Response r = api.get("/api/v1/search?channel=telepathy");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asString()).contains("channel").contains("telepathy");
        assertThat(api.get("/api/v1/aggregates?groupBy=colour").status()).isEqualTo(400);
    }

    @Test
    void overviewPageRendersInChineseAndHealthIsUp() {
        ApiClient viewer = api.as(ApiClient.basic("viewer", "viewer-pw"));
        assertThat(viewer.get("/").body()).contains("NPS 周趋势").contains("最新负面反馈");
        assertThat(viewer.get("/?lang=en").body()).contains("Weekly NPS");
        JsonNode health = api.get("/api/v1/health").json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
    }

    /**
     * The report opens on the latest complete week with data, not on the last calendar week when that one is empty.
     * Posts into 2026-W42 (later than any other test's data here); the weeks since are empty.
     */
    @Test
    void theWeeklyReportDefaultsToTheLatestWeekWithData() {
        OffsetDateTime wednesday = OffsetDateTime.of(2026, 10, 14, 4, 0, 0, 0, ZoneOffset.UTC);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(new Response("default-week-" + i, wednesday.plusMinutes(i), "survey", i % 11, "续航太差了，后悔买").json()
                    .replace("nps-test", "nps-default-week"));
        }
        assertThat(api.post("/api/v1/feedback", "application/x-ndjson", String.join("\n", lines)).status()).isEqualTo(200);
        ApiClient viewer = api.as(ApiClient.basic("viewer", "viewer-pw"));
        ApiClient.Response zh = viewer.get("/reports/weekly?format=md");
        assertThat(zh.status()).as(zh.body()).isEqualTo(200);
        assertThat(zh.body()).startsWith("# 口碑周报 2026-W42").contains("## 本周结论").contains("本周 NPS 为")
                .doesNotContain("没有收到任何反馈数据");
        ApiClient.Response en = viewer.get("/reports/weekly?format=md&language=en");
        assertThat(en.body()).startsWith("# Koubei weekly report 2026-W42").contains("## This week in brief");
    }
}
