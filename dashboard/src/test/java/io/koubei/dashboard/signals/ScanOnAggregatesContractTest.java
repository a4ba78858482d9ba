package io.koubei.dashboard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.analysis.signals.alert.WeeklyScan;
import io.koubei.analysis.signals.astroturf.AstroturfParams;
import io.koubei.analysis.signals.competitor.ProductRoster;
import io.koubei.analysis.signals.scan.ScanSource;
import io.koubei.analysis.signals.segment.AuthorProfiles;
import io.koubei.analysis.signals.segment.Classification;
import io.koubei.analysis.signals.trend.ProductEvent;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Segment;
import io.koubei.core.feedback.Verdicts;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.web.DemoLoader;
import io.koubei.ingest.demo.DemoDataGenerator;
import io.koubei.ingest.demo.DemoOptions;
import io.koubei.store.elasticsearch.ElasticsearchFeedbackStore;
import io.koubei.store.elasticsearch.ElasticsearchStoreConfig;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 4: the weekly scan on the store's aggregations says what the scan over the item list says. The same
 * generated scenario data (the demo generator, real analyzer) is scanned week after week, oldest first, as
 * {@code SignalsService.scanAllWeeks} does — flags and the judged week's segments written back between weeks — once
 * over the item list ({@link WeeklyScan#run(java.util.Collection, String, List)}, the reference) and once over each store
 * ({@link ScanSource#ofStore}): embedded Lucene and a real Elasticsearch node. Every week's signals (type, subject,
 * week/day, severity, channels, aspect, product), the items flagged and the authors' classes must be the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanOnAggregatesContractTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();

    @TempDir
    Path dir;

    private List<AnalyzedFeedback> items;
    private List<ProductEvent> events;
    private ScanConfig config;
    private List<String> weeks;
    private Map<String, Set<String>> expected;
    private Map<String, Set<String>> expectedFlags;
    private Map<String, Map<String, Segment>> expectedClasses;

    @BeforeAll
    void generateAndScanTheItemList() {
        DemoDataGenerator generator = new DemoDataGenerator(DemoOptions.defaults().withScale(0.25));
        AnalysisPipeline pipeline = new AnalysisPipeline(FeedbackAnalyzers.builtIn(), CAL);
        items = new ArrayList<>();
        generator.generate(item -> items.add(pipeline.process(item)));
        events = generator.events().stream().map(DemoLoader::event).toList();
        weeks = new ArrayList<>(new TreeSet<>(items.stream().map(AnalyzedFeedback::week).toList()));
        config = ScanConfig.defaults().withRoster(new ProductRoster(Set.of("nova-x1"), Set.of("rival-r9")))
                .withDataStart(weeks.get(0));

        // The reference: the item-list scan, verdicts applied to the list between weeks as the service writes them.
        Map<String, AnalyzedFeedback> byId = new LinkedHashMap<>();
        items.forEach(f -> byId.put(f.id(), f));
        expected = new TreeMap<>();
        expectedFlags = new TreeMap<>();
        expectedClasses = new TreeMap<>();
        long started = System.nanoTime();
        for (String week : weeks) {
            WeeklyScan.Result r = new WeeklyScan(config, CAL).run(List.copyOf(byId.values()), week, events);
            expected.put(week, describe(r.signals()));
            expectedFlags.put(week, new TreeSet<>(r.flaggedItemIds()));
            expectedClasses.put(week, segments(r.classes()));
            for (AnalyzedFeedback f : List.copyOf(byId.values())) {
                Verdicts v = f.analysis().verdicts();
                if (r.flaggedItemIds().contains(f.id())) {
                    v = v.withFlag(AstroturfParams.FLAG);
                }
                if (week.equals(f.week())) {
                    v = v.withSegment(segmentOf(f, r.classes()));
                }
                byId.put(f.id(), f.withVerdicts(v));
            }
        }
        System.out.printf("scan contract: %d items, %d weeks, item-list scan %d ms, %d signals%n", items.size(),
                weeks.size(), (System.nanoTime() - started) / 1_000_000,
                expected.values().stream().mapToInt(Set::size).sum());
    }

    @Test
    void theReferenceHasSomethingToCompare() {
        Set<String> types = new TreeSet<>();
        expected.values().forEach(s -> s.forEach(d -> types.add(d.substring(0, d.indexOf(' ')))));
        assertThat(types).as("signal types found by the item-list scan").hasSizeGreaterThanOrEqualTo(4);
        assertThat(expectedFlags.values().stream().mapToInt(Set::size).sum()).as("astroturf flags").isPositive();
        assertThat(expectedClasses.values().stream().flatMap(m -> m.values().stream()).filter(s -> s == Segment.CORE))
                .as("core authors").isNotEmpty();
    }

    @Test
    void theEmbeddedStoreGivesTheSameSignals() {
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir.resolve("index"))) {
            assertSameAsItemList(store, "lucene");
        }
    }

    @Test
    void elasticsearchGivesTheSameSignals() {
        String prefix = "scan-contract-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        try (ElasticsearchFeedbackStore store = new ElasticsearchFeedbackStore(
                ElasticsearchStoreConfig.of(ElasticsearchNode.shared().url(), prefix)
                        .withRefreshInterval(Duration.ofMillis(200)))) {
            assertSameAsItemList(store, "elasticsearch");
        }
    }

    private void assertSameAsItemList(FeedbackStore store, String name) {
        for (int i = 0; i < items.size(); i += 2000) {
            store.upsert(items.subList(i, Math.min(items.size(), i + 2000)));
        }
        assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(items.size());
        long started = System.nanoTime();
        ScanSource source = ScanSource.ofStore(store);
        for (String week : weeks) {
            WeeklyScan.Result r = new WeeklyScan(config, CAL).run(source, week, events, AuthorProfiles.ofStore(store));
            assertThat(new TreeSet<>(r.flaggedItemIds())).as("%s: flagged in %s", name, week)
                    .isEqualTo(expectedFlags.get(week));
            Map<String, Segment> got = segments(r.classes());
            assertThat(got).as("%s: classes in %s", name, week).isEqualTo(expectedClasses.get(week));
            assertThat(describe(r.signals())).as("%s: signals of %s", name, week).isEqualTo(expected.get(week));
            // the service's segment write-back of the judged week
            Map<String, Verdicts> segments = new LinkedHashMap<>();
            store.scan(FeedbackFilter.builder().week(week).build(), f -> segments.put(f.id(),
                    f.analysis().verdicts().withSegment(segmentOf(f, r.classes()))));
            store.updateVerdicts(segments);
        }
        assertThat(store.count(FeedbackFilter.builder().flags(Set.of(AstroturfParams.FLAG)).build()))
                .as("flags written by the scan").isEqualTo(expectedFlags.values().stream().flatMap(Set::stream)
                        .distinct().count());
        System.out.printf("scan contract: %s scan of %d weeks %d ms%n", name, weeks.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static Segment segmentOf(AnalyzedFeedback f, Map<String, Classification> classes) {
        if (f.item().fromOfficialAccount()) {
            return null;
        }
        Classification c = f.item().authorId() == null ? null : classes.get(f.item().authorId());
        return c == null ? Segment.MASS : c.segment();
    }

    private static Map<String, Segment> segments(Map<String, Classification> classes) {
        Map<String, Segment> out = new TreeMap<>();
        classes.forEach((id, c) -> out.put(id, c.segment()));
        return out;
    }

    private static Set<String> describe(List<Signal> signals) {
        Set<String> out = new TreeSet<>();
        for (Signal s : signals) {
            out.add(s.type() + " " + s.subject() + " " + s.week() + " " + s.day() + " " + s.severity() + " "
                    + s.channels() + " " + s.aspect() + " " + s.product());
        }
        return out;
    }
}
