package io.koubei.dashboard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.segment.AuthorProfile;
import io.koubei.analysis.signals.segment.AuthorProfiles;
import io.koubei.analysis.signals.segment.CoreUserClassifier;
import io.koubei.analysis.signals.segment.CoreUserRules;
import io.koubei.analysis.signals.segment.CoreOpinions;
import io.koubei.analysis.signals.segment.MassImpression;
import io.koubei.analysis.signals.segment.OpinionPointRanking;
import io.koubei.analysis.signals.segment.RankedOpinion;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Segment;
import io.koubei.core.feedback.Verdicts;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import io.koubei.ingest.demo.DemoDataGenerator;
import io.koubei.ingest.demo.DemoOptions;
import io.koubei.store.elasticsearch.ElasticsearchFeedbackStore;
import io.koubei.store.elasticsearch.ElasticsearchStoreConfig;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Store-backed author profiles are the item-backed ones: generated demo data (analysed by the real analyzer) in the
 * embedded store and in a real Elasticsearch node; for several instants and for the default rules and rules with
 * another vocabulary (answered from the items of the affected authors), {@link AuthorProfiles#ofStore} must equal
 * {@link AuthorProfiles#ofItems} author for author, and so must the classification. The mass impression from the
 * store's counts must equal the one from the items.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreAuthorProfilesTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    private static final CoreUserRules OTHER_VOCABULARY = new CoreUserRules(Duration.ofDays(60), 5, 200, 4, 5, 0.2, 2,
            Set.of("电池", "屏幕", "卡"), Set.of("内测"), Set.of("beta"), 2, false);

    @TempDir
    static Path dir;

    private List<AnalyzedFeedback> items;
    private LuceneFeedbackStore lucene;
    private ElasticsearchFeedbackStore elasticsearch;

    @BeforeAll
    void storeTheSameItemsInBoth() {
        AnalysisPipeline pipeline = new AnalysisPipeline(FeedbackAnalyzers.builtIn(), CAL);
        // the demo world has no beta programme: some items get a beta tag or field, so beta is compared as well;
        // and every product is named there: some items lose theirs (an app review names none), for the opinion points
        items = new DemoDataGenerator(DemoOptions.defaults().withScale(0.15)).generate().map(i -> {
            int h = Math.floorMod(i.id().hashCode(), 211);
            return h == 0 ? i.toBuilder().tags(List.of("内测")).build()
                    : h == 1 ? i.toBuilder().fields(Map.of("beta_program", "是")).build()
                    : h < 30 ? i.toBuilder().product(null).productVersion(null).build() : i;
        }).map(pipeline::process).toList();
        lucene = new LuceneFeedbackStore(dir.resolve("index"));
        elasticsearch = new ElasticsearchFeedbackStore(ElasticsearchStoreConfig.of(ElasticsearchNode.shared().url(),
                "profiles-" + UUID.randomUUID().toString().substring(0, 8) + "-"));
        for (FeedbackStore s : List.of(lucene, elasticsearch)) {
            for (int i = 0; i < items.size(); i += 2000) {
                s.upsert(items.subList(i, Math.min(items.size(), i + 2000)));
            }
        }
    }

    @AfterAll
    void close() {
        lucene.close();
        elasticsearch.clear();
        elasticsearch.close();
    }

    Stream<FeedbackStore> stores() {
        return Stream.of(lucene, elasticsearch);
    }

    private List<Instant> instants() {
        List<String> weeks = items.stream().map(AnalyzedFeedback::week).distinct().sorted().toList();
        List<Instant> out = new ArrayList<>();
        for (String w : List.of(weeks.get(2), weeks.get(weeks.size() / 2), weeks.get(weeks.size() - 1))) {
            out.add(CAL.weekStart(CalendarKeys.shiftWeek(w, 1)));
        }
        out.add(items.get(items.size() / 3).item().createdAt()); // an item exactly at the instant is inside
        return out;
    }

    @ParameterizedTest(autoCloseArguments = false) // the stores are shared by every test
    @MethodSource("stores")
    void storeBackedProfilesAreTheItemBackedOnes(FeedbackStore store) {
        assertThat(items.size()).isGreaterThan(5000);
        for (CoreUserRules rules : List.of(CoreUserRules.DEFAULTS, OTHER_VOCABULARY)) {
            for (Instant asOf : instants()) {
                Map<String, AuthorProfile> expected = AuthorProfiles.ofItems(items).asOf(asOf, rules);
                Map<String, AuthorProfile> actual = AuthorProfiles.ofStore(store).asOf(asOf, rules);
                assertThat(expected).as("authors at %s", asOf).hasSizeGreaterThan(100);
                assertThat(new HashMap<>(actual)).as("profiles at %s", asOf).isEqualTo(new HashMap<>(expected));
                CoreUserClassifier classifier = new CoreUserClassifier(rules);
                assertThat(segments(classifier, actual)).isEqualTo(segments(classifier, expected));
            }
        }
        // both segments and every figure are covered by the comparison
        Map<String, AuthorProfile> last = AuthorProfiles.ofStore(store).asOf(instants().get(2), CoreUserRules.DEFAULTS);
        assertThat(segments(new CoreUserClassifier(), last)).containsValues(Segment.CORE, Segment.MASS);
        assertThat(last.values()).anyMatch(AuthorProfile::beta).anyMatch(p -> p.technicalShare() > 0)
                .anyMatch(p -> p.level() != null).anyMatch(p -> p.tenureDays() != null).anyMatch(p -> p.replies() > 0);
    }

    @ParameterizedTest(autoCloseArguments = false) // the stores are shared by every test
    @MethodSource("stores")
    void profilesSurviveReImportAndVerdicts(FeedbackStore store) {
        Instant asOf = instants().get(1);
        Map<String, AuthorProfile> before = AuthorProfiles.ofStore(store).asOf(asOf, CoreUserRules.DEFAULTS);
        List<AnalyzedFeedback> some = items.subList(0, 3000);
        store.upsert(some);
        Map<String, Verdicts> verdicts = new HashMap<>();
        // (a flag other than astroturf: the astroturf flag takes an item out of its author's profile, below)
        some.forEach(f -> verdicts.put(f.id(), new Verdicts(Set.of("reviewed"), Segment.CORE)));
        store.updateVerdicts(verdicts);
        store.upsert(some);
        assertThat(AuthorProfiles.ofStore(store).asOf(asOf, CoreUserRules.DEFAULTS)).isEqualTo(before);
        Map<String, Verdicts> astroturf = new HashMap<>();
        some.forEach(f -> astroturf.put(f.id(), new Verdicts(Set.of("astroturf"), Segment.CORE)));
        store.updateVerdicts(astroturf);
        assertThat(AuthorProfiles.ofStore(store).asOf(asOf, CoreUserRules.DEFAULTS))
                .as("a campaign's items are nobody's behaviour")
                .isEqualTo(AuthorProfiles.ofItems(items.subList(3000, items.size())).asOf(asOf, CoreUserRules.DEFAULTS));
        Map<String, Verdicts> restored = new HashMap<>();
        some.forEach(f -> restored.put(f.id(), f.analysis().verdicts()));
        store.updateVerdicts(restored); // the other tests compare with the items as generated
    }

    @ParameterizedTest(autoCloseArguments = false) // the stores are shared by every test
    @MethodSource("stores")
    void massImpressionFromCountsIsTheOneFromItems(FeedbackStore store) {
        List<String> weeks = items.stream().map(AnalyzedFeedback::week).distinct().sorted().toList();
        List<String> window = weeks.subList(weeks.size() - 8, weeks.size());
        // without stored segments, every item of the window stands in for "mass": the computation is the same
        FeedbackFilter f = FeedbackFilter.builder().weeks(new HashSet<>(window)).build();
        List<AnalyzedFeedback> mass = items.stream().filter(a -> window.contains(a.week())).toList();
        MassImpression.Impression expected = MassImpression.of(mass, window, 30, 10);
        MassImpression.Impression actual = MassImpression.of(table(store, f, Dimension.WEEK),
                table(store, f, Dimension.ASPECT), table(store, f, Dimension.ASPECT_POLARITY), window, 30, 10);
        assertThat(actual.items()).isEqualTo(expected.items()).isPositive();
        assertThat(actual.trend()).isEqualTo(expected.trend());
        assertThat(actual.clusters()).hasSize(expected.clusters().size());
        for (int i = 0; i < expected.clusters().size(); i++) {
            MassImpression.AspectCluster e = expected.clusters().get(i);
            assertThat(actual.clusters().get(i)).isEqualTo(new MassImpression.AspectCluster(e.aspect(), e.mentions(),
                    e.share(), e.negative(), e.negativeShare(), List.of()));
        }
    }

    /**
     * The core/mass page ranks opinion points from the store's counts (per product, since stores group by three
     * dimensions at most) and reads examples for the points it shows: the same points, mentions and authors as the
     * ranking over the items, scores within half a day of decay.
     */
    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("stores")
    void opinionPointsFromCountsAreThoseFromTheItems(FeedbackStore store) {
        List<String> weeks = items.stream().map(AnalyzedFeedback::week).distinct().sorted().toList();
        String w = weeks.get(weeks.size() - 1);
        FeedbackFilter f = FeedbackFilter.builder().weeks(new HashSet<>(weeks.subList(weeks.size() - 8, weeks.size()))).build();
        List<AnalyzedFeedback> all = new ArrayList<>();
        store.scan(f, all::add);
        Instant asOf = CAL.weekStart(CalendarKeys.shiftWeek(w, 1));
        OpinionPointRanking ranking = new OpinionPointRanking();
        List<RankedOpinion> fromItems = ranking.rank(all, asOf);
        List<RankedOpinion> fromCounts = CoreOpinions.top(store, f, asOf, CAL.zone(), ranking, 20);
        assertThat(fromCounts).hasSize(20);
        assertThat(fromItems.stream().filter(o -> o.product() == null).count()).as("items without a product exist")
                .isPositive();
        Map<List<Object>, RankedOpinion> byKey = new HashMap<>();
        fromItems.forEach(o -> byKey.put(List.of(o.aspect(), o.polarity(), String.valueOf(o.product()),
                String.valueOf(o.version())), o));
        for (RankedOpinion o : fromCounts) {
            RankedOpinion e = byKey.get(List.of(o.aspect(), o.polarity(), String.valueOf(o.product()),
                    String.valueOf(o.version())));
            assertThat(e).as("%s", o).isNotNull();
            assertThat(o.mentions()).as("%s", o).isEqualTo(e.mentions());
            assertThat(o.authors()).as("%s", o).isEqualTo(e.authors());
            assertThat(o.score()).as("%s", o).isCloseTo(e.score(), org.assertj.core.data.Percentage.withPercentage(6));
            assertThat(o.snippets()).as("%s", o).isNotEmpty();
            assertThat(fromItems.indexOf(e)).as("%s ranks near its place", o).isLessThan(30);
        }
        // the split by product (items without one included) is exact: every point, every mention
        List<RankedOpinion> everyPoint = CoreOpinions.ranked(store, f, asOf, CAL.zone(), ranking);
        assertThat(everyPoint).hasSameSizeAs(fromItems);
        assertThat(everyPoint.stream().mapToInt(RankedOpinion::mentions).sum())
                .isEqualTo(fromItems.stream().mapToInt(RankedOpinion::mentions).sum());
    }

    private static BucketTable table(FeedbackStore store, FeedbackFilter f, Dimension d) {
        return BucketTable.of(List.of(d), store.aggregate(new AggregateQuery(f, List.of(d))));
    }

    private static Map<String, Segment> segments(CoreUserClassifier c, Map<String, AuthorProfile> profiles) {
        Map<String, Segment> out = new HashMap<>();
        profiles.forEach((id, p) -> out.put(id, c.classify(p).segment()));
        return out;
    }
}
