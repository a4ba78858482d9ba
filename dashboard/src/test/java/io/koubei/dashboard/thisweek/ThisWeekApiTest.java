package io.koubei.dashboard.thisweek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * {@code GET /api/v1/overview} → {@code thisWeek} on {@link ThisWeekFixture}, checked against numbers computed here
 * from the fixture itself (NPS with its adjusted-Wald interval and the change's significance written out again), the
 * hidden battery surge as the first finding, a silent source, a week without data, and the English sentences.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ThisWeekApiTest {
    private static final String TOKEN = "this-week-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double Z = 1.959963984540054;
    static final Path dataDir = tempDir();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> TOKEN);
    }

    /** An official account's post long before the fixture's weeks: its name labels the account id. */
    static final String OFFICIAL_POST = "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"official-1\","
            + "\"createdAt\":\"2025-01-08T10:00:00+08:00\",\"text\":\"新品发布\",\"author\":{\"id\":\"wb-1000001\","
            + "\"name\":\"星河手机\",\"official\":true}}";

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    io.koubei.dashboard.web.Labels labels;

    @Test
    void accountsAreShownByTheirName() {
        assertThat(labels.account("wb-1000001")).isEqualTo("星河手机");
        assertThat(labels.account("wb-unknown")).isEqualTo("wb-unknown");
    }

    private final HttpClient http = HttpClient.newHttpClient();

    static Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("koubei-thisweek");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeAll
    void load() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/feedback"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", ThisWeekFixture.lines()) + "\n" + OFFICIAL_POST,
                        StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    JsonNode get(String path, String acceptLanguage) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN);
        if (acceptLanguage != null) {
            b.header("Accept-Language", acceptLanguage);
        }
        HttpResponse<String> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    long count(String query) throws Exception {
        return get("/api/v1/count?" + query, null).get("count").asLong();
    }

    /** Adjusted Wald (add 3 answers, 0.75 to promoters and detractors): {nps, low, high, variance×10⁴}. */
    static double[] nps(int p, int d, int n) {
        double n2 = n + 3.0;
        double pp = (p + 0.75) / n2;
        double pd = (d + 0.75) / n2;
        double var = (pp + pd - (pp - pd) * (pp - pd)) / n2;
        return new double[] {100.0 * (p - d) / n, Math.max(-100, 100 * (pp - pd - Z * Math.sqrt(var))),
                Math.min(100, 100 * (pp - pd + Z * Math.sqrt(var))), var * 10_000};
    }

    @Test
    void thisWeekMatchesANumberComputedFromTheFixture() throws Exception {
        JsonNode tw = get("/api/v1/overview", null).get("thisWeek");
        String week = ThisWeekFixture.week(0);
        assertThat(tw.get("week").asString()).isEqualTo(week);
        assertThat(tw.get("noData").asBoolean()).isFalse();
        assertThat(tw.get("dataUpTo").asString()).isEqualTo(ThisWeekFixture.lastMonday().plusDays(2).toString());
        assertThat(tw.get("statement").asString()).startsWith("数据截至 " + ThisWeekFixture.lastMonday().plusDays(2)
                .format(java.time.format.DateTimeFormatter.ofPattern("MM-dd")));

        JsonNode h = tw.get("headline");
        assertThat(h.get("volume").asLong()).isEqualTo(60 + 100 + 10 + 5);
        assertThat(h.get("volumeLastWeek").asLong()).isEqualTo(60 + 100 + 10 + 40 + 40);
        double[] now = nps(27, 18, 60);
        double[] last = nps(30, 15, 60);
        assertThat(h.get("nps").asDouble()).isCloseTo(now[0], within(0.05));
        assertThat(h.get("npsLow").asDouble()).isCloseTo(now[1], within(0.05));
        assertThat(h.get("npsHigh").asDouble()).isCloseTo(now[2], within(0.05));
        assertThat(h.get("npsN").asLong()).isEqualTo(60);
        double half = Z * Math.sqrt(now[3] + last[3]);
        JsonNode vsLast = h.get("npsVsLastWeek");
        assertThat(vsLast.get("value").asDouble()).isCloseTo(-10.0, within(0.05));
        assertThat(vsLast.get("low").asDouble()).isCloseTo(-10.0 - half, within(0.05));
        assertThat(vsLast.get("significant").asBoolean()).isEqualTo(Math.abs(-10.0) > half).isFalse();
        // the four weeks before pool 240 answers: 120 promoters, 60 detractors
        double[] four = nps(120, 60, 240);
        assertThat(h.get("npsVsTrailing4").get("value").asDouble()).isCloseTo(15.0 - 25.0, within(0.05));
        assertThat(h.get("npsVsTrailing4").get("high").asDouble())
                .isCloseTo(-10.0 + Z * Math.sqrt(now[3] + four[3]), within(0.05));

        // net sentiment in percent, counted through the search API's own filter
        long pos = count("week=" + week + "&polarity=positive");
        long neg = count("week=" + week + "&polarity=negative");
        assertThat(h.get("netSentimentPct").asDouble()).isCloseTo(100.0 * (pos - neg) / 175, within(0.05));
    }

    @Test
    void theHiddenBatterySurgeIsTheFirstFinding() throws Exception {
        JsonNode findings = get("/api/v1/overview", null).get("thisWeek").get("findings");
        assertThat(findings.size()).isBetween(1, ThisWeekService.MAX_FINDINGS);
        JsonNode first = findings.get(0);
        assertThat(first.get("kind").asString()).isEqualTo("ASPECT");
        assertThat(first.get("subject").asString()).isEqualTo("battery");
        assertThat(first.get("sentence").asString()).contains("续航").contains("显著");
        assertThat(first.get("series").size()).isEqualTo(12);
        // the evidence link lists exactly the week's battery complaints
        String link = first.get("link").asString();
        assertThat(link).startsWith("/search?").contains("aspectPolarity=battery%3Anegative");
        assertThat(count(link.substring("/search?".length()))).isEqualTo(35);
        // the silent review source is named, and the one that nearly stopped
        assertThat(findings.findValuesAsString("kind")).contains("SILENCE");
        JsonNode stale = get("/api/v1/overview", null).get("thisWeek").get("staleSources");
        assertThat(stale.findValuesAsString("source")).containsExactlyInAnyOrder("tmall", "jd");
        assertThat(findings.findValuesAsString("sentence")).anyMatch(t -> t.contains("「jd」本周只有 5 条，此前每周约 40 条"))
                .anyMatch(t -> t.contains("「tmall」本周没有数据"));
    }

    @Test
    void aSourceWhoseLatestWeekIsEmptySaysNoDataArrived() throws Exception {
        JsonNode tw = get("/api/v1/overview?source=tmall", null).get("thisWeek");
        assertThat(tw.get("week").asString()).isEqualTo(ThisWeekFixture.week(-1));
        assertThat(tw.get("weeksWithout").get(0).asString()).isEqualTo(ThisWeekFixture.week(0));
        assertThat(tw.get("statement").asString()).contains("没有收到任何数据");

        JsonNode empty = get("/api/v1/overview?source=tmall&week=" + ThisWeekFixture.week(0), null).get("thisWeek");
        assertThat(empty.get("noData").asBoolean()).isTrue();
        assertThat(empty.get("headline").get("volume").asLong()).isZero();
        assertThat(empty.get("summary").asString()).contains("没有收到任何数据").contains("不代表一切正常")
                .doesNotContain("没有显著变化");
        assertThat(empty.get("findings").findValuesAsString("kind")).containsExactly("SILENCE");
    }

    /** Runs last: the detectors' alerts come in through the alerting service and are told once. */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void openAlertsOfTheWeekAreReadThroughTheAdapterAndToldOnce() throws Exception {
        HttpResponse<String> scan = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/signals/scan?week=all")).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scan.statusCode()).as(scan.body()).isEqualTo(200);
        String week = ThisWeekFixture.week(0);
        java.util.List<JsonNode> open = new java.util.ArrayList<>();
        get("/api/v1/alerts?status=open", null).forEach(a -> {
            if (week.equals(a.path("lastWeek").asString(null))) { // incidents: the latest week they were alerted on
                open.add(a);
            }
        });
        // the spike detector alerts on the battery surge too: the overview tells it once, as the aspect finding
        assertThat(open).anyMatch(a -> "battery".equals(a.path("aspect").asString(null)));
        // behind the incidents, the weekly alerts with the detector's evidence (what evaluation scripts score)
        java.util.List<JsonNode> weekly = new java.util.ArrayList<>();
        get("/api/v1/alerts/weekly?status=open", null).forEach(weekly::add);
        assertThat(weekly).anyMatch(a -> week.equals(a.path("week").asString(null))
                && "battery".equals(a.path("aspect").asString(null))
                && a.path("evidence").path("itemIds").size() > 0);
        JsonNode findings = get("/api/v1/overview", null).get("thisWeek").get("findings");
        assertThat(findings.get(0).get("subject").asString()).isEqualTo("battery");
        java.util.List<String> alertSubjects = new java.util.ArrayList<>();
        findings.forEach(f -> {
            if (f.get("kind").asString().equals("ALERT")) {
                alertSubjects.add(f.get("subject").asString());
            }
        });
        for (JsonNode a : open) {
            boolean told = "battery".equals(a.path("aspect").asString(null))
                    || java.util.Set.of("SILENCE", "DIVERGENCE").contains(a.get("type").asString());
            if (told) {
                assertThat(alertSubjects).doesNotContain(a.get("id").asString());
            }
        }
    }

    @Test
    void englishSentencesFollowAcceptLanguageAndLang() throws Exception {
        for (JsonNode tw : new JsonNode[] {get("/api/v1/overview", "en-US,en;q=0.9").get("thisWeek"),
                get("/api/v1/overview?lang=en", null).get("thisWeek"),
                get("/api/v1/overview?source=tmall&week=" + URLEncoder.encode(ThisWeekFixture.week(0), StandardCharsets.UTF_8)
                        + "&lang=en", null).get("thisWeek")}) {
            StringBuilder text = new StringBuilder(tw.get("statement").asString());
            tw.get("findings").forEach(f -> text.append(' ').append(f.get("sentence").asString()));
            if (tw.get("summary") != null && !tw.get("summary").isNull()) {
                text.append(' ').append(tw.get("summary").asString());
            }
            assertThat(text.toString()).doesNotContainPattern("\\p{IsHan}").isNotBlank();
        }
        assertThat(get("/api/v1/overview", "en").get("thisWeek").get("findings").get(0).get("sentence").asString())
                .contains("Battery").contains("significant");
        assertThat(get("/api/v1/overview", "zh-CN").get("thisWeek").get("statement").asString()).contains("数据截至");
    }
}
