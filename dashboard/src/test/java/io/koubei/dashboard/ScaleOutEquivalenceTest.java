package io.koubei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.ingest.demo.DemoDataGenerator;
import io.koubei.ingest.demo.DemoOptions;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.ingest.importing.ImportOptions;
import io.koubei.ingest.importing.ImportSummary;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * Same inputs, same answers: the real application wired for scale-out ({@code koubei.store=elasticsearch},
 * {@code koubei.bus=kafka}, against a real Elasticsearch node and a real KRaft broker) and the application on the
 * embedded default are fed the same generated multi-channel file through the importer {@code koubei import} uses,
 * the detectors run on both (they set segments and astroturf flags), and then every read the API offers is asked
 * of both and must answer byte for byte the same JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutEquivalenceTest {
    private static final String ANALYST = ApiClient.basic("analyst", "analyst-pw");
    private static final List<String> SCANNED_WEEKS = List.of("2026-W44", "2026-W47");

    @TempDir
    static Path dir;

    private EmbeddedKafkaKraftBroker broker;
    private ConfigurableApplicationContext embedded;
    private ConfigurableApplicationContext scaleOut;
    private ApiClient embeddedApi;
    private ApiClient scaleOutApi;
    private int items;

    @BeforeAll
    void startBothAndImportTheSameFile() throws Exception {
        ElasticsearchNode es = ElasticsearchNode.shared();
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "1",
                "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();

        Path file = dir.resolve("feedback.jsonl");
        DemoDataGenerator.writeJsonl(file, DemoOptions.defaults().withScale(0.05));
        items = (int) Files.lines(file).filter(l -> !l.isBlank()).count();

        String unique = UUID.randomUUID().toString().substring(0, 8);
        embedded = start(dir.resolve("embedded"), List.of());
        scaleOut = start(dir.resolve("scale-out"), List.of(
                "--koubei.store=elasticsearch",
                "--koubei.elasticsearch.url=" + es.url(),
                "--koubei.elasticsearch.index-prefix=equivalence-" + unique + "-",
                "--koubei.bus=kafka",
                "--koubei.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--koubei.kafka.topic=equivalence-" + unique,
                "--koubei.kafka.dead-letter-topic=equivalence-dlq-" + unique,
                "--koubei.kafka.group-id=equivalence-" + unique));
        embeddedApi = api(embedded);
        scaleOutApi = api(scaleOut);

        ImportSummary e = importFile(embedded, file);
        ImportSummary s = importFile(scaleOut, file);
        assertThat(e.accepted()).isEqualTo(items);
        assertThat(e.stored()).isTrue();
        assertThat(s.accepted()).isEqualTo(items);
        assertThat(s.stored()).as("Kafka acknowledges when the brokers have the records, before analysis").isFalse();
        awaitStored(scaleOutApi, items, Duration.ofSeconds(60));

        // the detectors write segments (and astroturf flags) back into each store; two weeks keep the test lean
        for (ApiClient api : List.of(embeddedApi, scaleOutApi)) {
            for (String week : SCANNED_WEEKS) {
                ApiClient.Response scan = api.as(ANALYST).post("/api/v1/signals/scan?week=" + week, "application/json", "");
                assertThat(scan.status()).as(scan.body()).isEqualTo(200);
            }
        }
    }

    @AfterAll
    void stop() {
        for (ConfigurableApplicationContext ctx : new ConfigurableApplicationContext[] {scaleOut, embedded}) {
            if (ctx != null) {
                ctx.close();
            }
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void bothDeploymentsReportTheirBackends() {
        JsonNode e = embeddedApi.get("/api/v1/health").json();
        JsonNode s = scaleOutApi.get("/api/v1/health").json();
        assertThat(e.get("store").get("backend").asString()).isEqualTo("lucene");
        assertThat(e.get("bus").get("backend").asString()).isEqualTo("inprocess");
        assertThat(s.get("store").get("backend").asString()).isEqualTo("elasticsearch");
        assertThat(s.get("bus").get("backend").asString()).isEqualTo("kafka");
        assertThat(s.get("bus").get("pending").asLong()).isZero();
        assertThat(s.get("bus").get("deadLetters").asLong()).isZero();
    }

    @Test
    void theDataIsRichEnoughForTheComparisonToMean() {
        JsonNode total = embeddedApi.get("/api/v1/overview").json().get("total");
        assertThat(total.get("count").asLong()).isEqualTo(items);
        assertThat(total.get("npsN").asLong()).isPositive();
        assertThat(total.get("starsN").asLong()).isPositive();
        assertThat(count(embeddedApi, "official=true")).as("official replies").isPositive();
        assertThat(count(embeddedApi, "segment=core")).as("core users after the scan").isPositive();
        assertThat(count(embeddedApi, "segment=mass")).isPositive();
        assertThat(embeddedApi.get("/api/v1/aggregates?groupBy=aspect").json().get("buckets").size()).isGreaterThan(3);
    }

    @Test
    void overviewAggregatesAndCountsAreIdentical() {
        List<String> paths = new ArrayList<>(List.of("/api/v1/overview", "/api/v1/overview?excludeFlag=astroturf",
                "/api/v1/overview?channel=review&product=nova-x1"));
        for (String dims : List.of("week", "day", "channel", "source", "product", "product_version", "segment", "aspect",
                "aspect_polarity", "polarity", "nps_class", "flag", "author", "week,channel", "week,nps_class",
                "channel,segment,polarity", "aspect,polarity", "")) {
            paths.add("/api/v1/aggregates?groupBy=" + dims);
            paths.add("/api/v1/aggregates?groupBy=" + dims + "&excludeFlag=astroturf&q=续航");
        }
        for (String filter : List.of("", "channel=survey&nps=detractor", "official=true", "segment=core&polarity=negative",
                "aspectPolarity=battery:negative", "scale=stars&ratingMin=4", "q=客服", "week=2026-W44&channel=social")) {
            paths.add("/api/v1/count?" + filter);
        }
        assertSameAnswers(paths);
    }

    @Test
    void searchHitsHighlightsAndEveryDrillDownAreIdentical() {
        List<String> paths = new ArrayList<>(List.of("/api/v1/search?q=续航&limit=200", "/api/v1/search?q=客服&limit=200",
                "/api/v1/search?official=true&limit=1000", "/api/v1/search?polarity=negative&limit=50&offset=100",
                "/api/v1/search?segment=core&aspect=battery&limit=1000"));
        // every bucket links to its items: follow each link on both and compare the items, not only the counts
        JsonNode buckets = embeddedApi.get("/api/v1/aggregates?groupBy=week,channel").json().get("buckets");
        assertThat(buckets.size()).isGreaterThan(20);
        for (JsonNode b : buckets) {
            paths.add(b.get("items").asString() + "&limit=1000");
        }
        JsonNode aspectBuckets = embeddedApi.get("/api/v1/aggregates?groupBy=aspect_polarity&excludeFlag=astroturf")
                .json().get("buckets");
        for (int i = 0; i < Math.min(12, aspectBuckets.size()); i++) {
            paths.add(aspectBuckets.get(i).get("items").asString() + "&limit=1000");
        }
        assertSameAnswers(paths);
        // and the comparison covers real highlights (a hit may match through a token its text does not spell)
        JsonNode hits = scaleOutApi.get("/api/v1/search?q=客服&limit=50").json().get("items");
        List<String> highlights = new ArrayList<>();
        hits.forEach(h -> highlights.add(h.get("highlight").asString()));
        assertThat(highlights).anyMatch(h -> h.contains("<mark>客服</mark>"));
    }

    @Test
    void wordOfMouthSignalsAndSpeedViewsAreIdentical() {
        String week = SCANNED_WEEKS.get(0);
        assertSameAnswers(List.of("/api/v1/signals?week=" + week, "/api/v1/signals?week=" + SCANNED_WEEKS.get(1),
                "/api/v1/crosscheck?week=" + week,
                "/api/v1/survey?week=" + week, "/api/v1/weighted?week=" + week,
                "/api/v1/competitors?week=" + week + "&ours=nova-x1&competitor=rival-r9",
                "/api/v1/concentration?week=" + week, "/api/v1/speed/metrics?week=" + week,
                "/api/v1/speed/metrics"));
    }

    /** Every path answers 200 on both, with equal JSON; the first difference is named by its JSON pointer. */
    private void assertSameAnswers(List<String> paths) {
        List<String> differences = new ArrayList<>();
        for (String path : paths) {
            ApiClient.Response e = embeddedApi.get(path);
            ApiClient.Response s = scaleOutApi.get(path);
            assertThat(e.status()).as(path + ": " + e.body()).isEqualTo(200);
            assertThat(s.status()).as(path + ": " + s.body()).isEqualTo(200);
            String diff = firstDifference("", withoutClock(e.json()), withoutClock(s.json()));
            if (diff != null) {
                differences.add(path + " at " + diff);
            }
        }
        assertThat(differences).as("answers that differ between the embedded and the scale-out deployment").isEmpty();
    }

    /** The speed views say when they were computed ("now"): the one field that may differ between two calls. */
    private static JsonNode withoutClock(JsonNode n) {
        if (n.isObject() && n.has("now")) {
            ((tools.jackson.databind.node.ObjectNode) n).remove("now");
        }
        return n;
    }

    private static String firstDifference(String at, JsonNode a, JsonNode b) {
        if (a.equals(b)) {
            return null;
        }
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>(a.propertyNames());
            names.addAll(b.propertyNames());
            for (String name : names) {
                JsonNode x = a.get(name);
                JsonNode y = b.get(name);
                if (x == null || y == null) {
                    return at + "/" + name + ": " + abbreviate(x) + " vs " + abbreviate(y);
                }
                String d = firstDifference(at + "/" + name, x, y);
                if (d != null) {
                    return d;
                }
            }
        }
        if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                String d = firstDifference(at + "/" + i, a.get(i), b.get(i));
                if (d != null) {
                    return d;
                }
            }
            return at + ": " + a.size() + " vs " + b.size() + " elements";
        }
        return at + ": embedded " + abbreviate(a) + " vs scale-out " + abbreviate(b);
    }

    private static String abbreviate(JsonNode n) {
        String s = String.valueOf(n);
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static long count(ApiClient api, String filter) {
        return api.get("/api/v1/count?" + filter).json().get("count").asLong();
    }

    private ConfigurableApplicationContext start(Path dataDir, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--koubei.data-dir=" + dataDir,
                "--koubei.report.cron=",
                "--koubei.security.api-tokens=" + ApiClient.TEST_TOKEN,
                "--koubei.security.users[0].name=analyst",
                "--koubei.security.users[0].password=analyst-pw",
                "--koubei.security.users[0].role=ANALYST",
                "--koubei.signals.our-products=nova-x1",
                "--koubei.signals.competitors=rival-r9",
                // the test scans two weeks itself; a background re-scan after storing would land at different
                // moments in the two deployments (Kafka stores later) and make them differ while being compared
                "--koubei.signals.rescan-after-store=false"));
        args.addAll(extra);
        return new SpringApplicationBuilder(KoubeiApplication.class).web(WebApplicationType.SERVLET)
                .run(args.toArray(String[]::new));
    }

    private static ApiClient api(ConfigurableApplicationContext ctx) {
        return new ApiClient(Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port")));
    }

    private static ImportSummary importFile(ConfigurableApplicationContext ctx, Path file) throws Exception {
        return ctx.getBean(FeedbackImporter.class).importFile(file, ImportOptions.defaults());
    }

    /** Kafka workers analyse and store after the publish was acknowledged: wait until all are readable. */
    private static void awaitStored(ApiClient api, int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            seen = count(api, "");
            if (seen == expected && api.get("/api/v1/health").json().get("bus").get("pending").asLong() == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("only " + seen + " of " + expected + " items stored within " + timeout);
    }
}
