package io.koubei.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.Segment;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.SearchPage;
import io.koubei.core.store.SearchQuery;
import io.koubei.store.ReferenceSemantics;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reads against a real node, each answer compared with {@link ReferenceSemantics} over the same items. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchQueryTest {
    private static final List<AnalyzedFeedback> ITEMS = SampleFeedback.generate(600, 42);
    private ElasticsearchFeedbackStore store;

    @BeforeAll
    void load() {
        ElasticsearchNode node = ElasticsearchNode.shared();
        store = new ElasticsearchFeedbackStore(ElasticsearchStoreConfig.of(node.url(), "query-test-")
                .withRefreshInterval(Duration.ofMillis(200)));
        store.clear();
        // in a few batches, so several segments take part
        for (int i = 0; i < ITEMS.size(); i += 250) {
            store.upsert(ITEMS.subList(i, Math.min(ITEMS.size(), i + 250)));
        }
    }

    @AfterAll
    void close() {
        store.close();
    }

    static Stream<Arguments> filters() {
        Instant mid = SampleFeedback.START.plus(Duration.ofDays(12));
        AnalyzedFeedback some = ITEMS.get(7);
        Map<String, FeedbackFilter> f = new java.util.LinkedHashMap<>();
        f.put("all", FeedbackFilter.ALL);
        f.put("time range [from,to) on nanoseconds", FeedbackFilter.builder().from(some.item().createdAt())
                .to(some.item().createdAt().plus(Duration.ofDays(9)).plusNanos(1)).build());
        f.put("to is exclusive", FeedbackFilter.builder().to(some.item().createdAt()).build());
        f.put("empty range", FeedbackFilter.builder().from(mid).to(mid).build());
        f.put("channels", FeedbackFilter.builder().channels(Set.of(Channel.REVIEW, Channel.TICKET)).build());
        f.put("source and product", FeedbackFilter.builder().sources(Set.of("forum")).product("x443").build());
        f.put("chinese product", FeedbackFilter.builder().product("耳机").productVersions(Set.of("1.1", "1.2")).build());
        f.put("polarity", FeedbackFilter.builder().polarity(Polarity.NEGATIVE).build());
        f.put("aspects", FeedbackFilter.builder().aspects(Set.of("battery", "price")).build());
        f.put("aspect polarity", FeedbackFilter.builder().aspectPolarities(Set.of("battery:negative")).build());
        f.put("segments", FeedbackFilter.builder().segments(Set.of(Segment.CORE)).build());
        f.put("nps classes", FeedbackFilter.builder().npsClasses(Set.of(NpsClass.DETRACTOR, NpsClass.PASSIVE)).build());
        f.put("csat rating 3.5..4.5", FeedbackFilter.builder().ratingScale(RatingScale.CSAT).ratingMin(3.5).ratingMax(4.5).build());
        f.put("rating min only", FeedbackFilter.builder().ratingMin(4.0).build());
        f.put("authors", FeedbackFilter.builder().authorIds(Set.of("u1", "u2", "u3")).build());
        f.put("weeks", FeedbackFilter.builder().weeks(Set.of(some.week())).build());
        f.put("days", FeedbackFilter.builder().days(Set.of(some.day(), ITEMS.get(9).day())).build());
        f.put("ids", FeedbackFilter.builder().ids(Set.of("fb-1", "fb-2", "fb-404", "fb-599")).build());
        f.put("reply to", FeedbackFilter.builder().replyTo("fb-0").build());
        f.put("official", FeedbackFilter.builder().official(true).build());
        f.put("not official", FeedbackFilter.builder().official(false).build());
        f.put("flags", FeedbackFilter.builder().flags(Set.of("astroturf")).build());
        f.put("exclude flags", FeedbackFilter.builder().excludeFlags(Set.of("astroturf", "duplicate")).build());
        f.put("all terms must occur", FeedbackFilter.builder().terms(List.of("续航", "太差")).build());
        f.put("term that never occurs", FeedbackFilter.builder().terms(List.of("不存在")).build());
        f.put("combined", FeedbackFilter.builder().channels(Set.of(Channel.REVIEW, Channel.COMMUNITY, Channel.SOCIAL))
                .polarities(Set.of(Polarity.NEGATIVE, Polarity.NEUTRAL)).excludeFlags(Set.of("astroturf"))
                .from(SampleFeedback.START.plus(Duration.ofDays(3))).terms(List.of("x")).build());
        return f.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void countSearchAndScanMatchTheReference(String name, FeedbackFilter filter) {
        List<AnalyzedFeedback> newest = expected(ITEMS, filter, ReferenceSemantics.NEWEST_FIRST);
        assertThat(store.count(filter)).isEqualTo(newest.size());

        SearchPage first = store.search(new SearchQuery(filter, 0, 25));
        assertThat(first.total()).isEqualTo(newest.size());
        assertThat(first.items()).containsExactlyElementsOf(newest.subList(0, Math.min(25, newest.size())));
        SearchPage later = store.search(new SearchQuery(filter, 30, 20));
        assertThat(later.items()).containsExactlyElementsOf(newest.subList(Math.min(30, newest.size()),
                Math.min(50, newest.size())));

        List<AnalyzedFeedback> scanned = new ArrayList<>();
        store.scan(filter, scanned::add);
        assertThat(scanned).containsExactlyElementsOf(expected(ITEMS, filter, ReferenceSemantics.OLDEST_FIRST));
    }

    static Stream<List<Dimension>> groupings() {
        return Stream.of(List.of(), List.of(Dimension.WEEK), List.of(Dimension.DAY), List.of(Dimension.CHANNEL),
                List.of(Dimension.SOURCE), List.of(Dimension.PRODUCT), List.of(Dimension.PRODUCT_VERSION),
                List.of(Dimension.POLARITY), List.of(Dimension.NPS_CLASS), List.of(Dimension.SEGMENT),
                List.of(Dimension.ASPECT), List.of(Dimension.ASPECT_POLARITY), List.of(Dimension.AUTHOR),
                List.of(Dimension.FLAG),
                List.of(Dimension.WEEK, Dimension.ASPECT),
                List.of(Dimension.PRODUCT, Dimension.ASPECT, Dimension.FLAG),
                List.of(Dimension.DAY, Dimension.AUTHOR, Dimension.ASPECT_POLARITY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupings")
    void aggregatesEqualPerItemStatsSummed(List<Dimension> groupBy) {
        for (FeedbackFilter filter : List.of(FeedbackFilter.ALL,
                FeedbackFilter.builder().excludeFlags(Set.of("astroturf")).channel(Channel.REVIEW).build())) {
            AggregateQuery q = new AggregateQuery(filter, groupBy);
            List<Bucket> expected = ReferenceSemantics.aggregate(ITEMS, q);
            assertThat(store.aggregate(q)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aggregateOverNothingIsOneEmptyBucketWithoutGroupsAndNoBucketsWithGroups() {
        FeedbackFilter none = FeedbackFilter.builder().terms(List.of("不存在")).build();
        assertThat(store.aggregate(new AggregateQuery(none, List.of())))
                .containsExactly(new Bucket(List.of(), io.koubei.core.store.BucketStats.ZERO));
        assertThat(store.aggregate(new AggregateQuery(none, List.of(Dimension.WEEK)))).isEmpty();
    }

    @Test
    void recordsRoundTripExactly() {
        assertThat(store.get("fb-3")).contains(ITEMS.get(3));
        assertThat(store.get("nope")).isEmpty();
        assertThat(store.getAll(List.of("fb-5", "nope", "fb-6", "fb-5")))
                .containsExactlyInAnyOrder(ITEMS.get(5), ITEMS.get(6));
    }

    @Test
    void limitZeroGivesOnlyTheTotal() {
        SearchPage p = store.search(new SearchQuery(FeedbackFilter.ALL, 0, 0));
        assertThat(p.total()).isEqualTo(ITEMS.size());
        assertThat(p.items()).isEmpty();
        assertThat(store.search(new SearchQuery(FeedbackFilter.ALL, 1000, 10)).items()).isEmpty();
    }

    private static List<AnalyzedFeedback> expected(List<AnalyzedFeedback> items, FeedbackFilter filter,
                                                   java.util.Comparator<AnalyzedFeedback> order) {
        return ReferenceSemantics.select(items, filter).stream().sorted(order).toList();
    }
}
