package io.koubei.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.get_index_template.IndexTemplateItem;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Analysis;
import io.koubei.core.feedback.Segment;
import io.koubei.core.feedback.Verdicts;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.SearchQuery;
import io.koubei.core.store.StoreHealth;
import io.koubei.core.store.UpsertResult;
import io.koubei.core.store.WriteVisibility;
import io.koubei.store.ReferenceSemantics;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchStoreWritesTest {
    private ElasticsearchFeedbackStore store;

    @BeforeAll
    void open() {
        store = new ElasticsearchFeedbackStore(ElasticsearchStoreConfig.of(ElasticsearchNode.shared().url(), "writes-test-")
                .withRefreshInterval(Duration.ofMillis(200)));
    }

    @AfterAll
    void close() {
        store.close();
    }

    @BeforeEach
    void empty() {
        store.clear();
    }

    @Test
    void templateAliasesAndMappingsAreInPlace() throws Exception {
        ElasticsearchClient es = store.client();
        IndexTemplateItem template = es.indices().getIndexTemplate(t -> t.name("writes-test-feedback")).indexTemplates().get(0);
        assertThat(template.indexTemplate().indexPatterns()).containsExactly("writes-test-feedback-0*");
        assertThat(template.indexTemplate().template().aliases()).containsKey("writes-test-feedback-read");

        Map<String, IndexAliases> aliases = es.indices().getAlias(a -> a.index("writes-test-feedback-000001")).aliases();
        IndexAliases first = aliases.get("writes-test-feedback-000001");
        assertThat(first.aliases()).containsKeys("writes-test-feedback", "writes-test-feedback-read");
        assertThat(first.aliases().get("writes-test-feedback").isWriteIndex()).isTrue();

        var mapping = es.indices().getMapping(m -> m.index("writes-test-feedback")).get("writes-test-feedback-000001")
                .mappings().properties();
        assertThat(mapping.get("product").isKeyword()).isTrue();
        assertThat(mapping.get("aspectPolarities").isKeyword()).isTrue();
        assertThat(mapping.get("tokens").isKeyword()).isTrue();
        assertThat(mapping.get("createdAt").isDate()).isTrue();
        assertThat(mapping.get("createdAtNanos").isLong()).isTrue();
        assertThat(mapping.get("ratingValue").isDouble()).isTrue();
        assertThat(mapping.get("doc").keyword().index()).isFalse();
    }

    @Test
    void upsertCountsCreatedAndUpdatedAndLastDuplicateWins() {
        List<AnalyzedFeedback> items = SampleFeedback.generate(50, 7);
        assertThat(store.upsert(items)).isEqualTo(new UpsertResult(50, 0));
        assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(50);

        AnalyzedFeedback changed = edited(items.get(3));
        List<AnalyzedFeedback> batch = new ArrayList<>(List.of(items.get(3), items.get(4)));
        batch.add(changed); // same id twice in one batch: counted once, the last one stays
        batch.add(SampleFeedback.generate(51, 7).get(50));
        assertThat(store.upsert(batch)).isEqualTo(new UpsertResult(1, 2));
        assertThat(store.get(changed.id())).contains(changed);
        assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(51);
        // visible to the very next query, no sleep
        assertThat(store.count(FeedbackFilter.builder().terms(List.of("edited")).build())).isEqualTo(1);
    }

    @Test
    void anItemTheClusterRefusesIsReportedWithItsIdAndReason() throws Exception {
        List<AnalyzedFeedback> items = SampleFeedback.generate(2, 11);
        store.upsert(items.subList(0, 1)); // the write index exists
        ElasticsearchClient es = store.client();
        es.indices().putSettings(p -> p.index("writes-test-feedback").settings(st -> st.blocks(b -> b.write(true))));
        try {
            // the refusal comes back per item in the (filtered) bulk response: it must still name the item and why
            assertThatThrownBy(() -> store.upsert(items.subList(1, 2)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(items.get(1).id())
                    .hasMessageContaining("cluster_block_exception");
        } finally {
            es.indices().putSettings(p -> p.index("writes-test-feedback").settings(st -> st.blocks(b -> b.write(false))));
        }
        assertThat(store.upsert(items.subList(1, 2))).isEqualTo(new UpsertResult(1, 0));
    }

    @Test
    void largeBatchesAreSplitAndDeepPagesWalkPastTheResultWindow() {
        List<AnalyzedFeedback> many = SampleFeedback.generate(10_050, 11);
        assertThat(store.upsert(many)).isEqualTo(new UpsertResult(10_050, 0));
        List<AnalyzedFeedback> newest = expected(many, FeedbackFilter.ALL, ReferenceSemantics.NEWEST_FIRST);
        var deep = store.search(new SearchQuery(FeedbackFilter.ALL, 10_020, 40));
        assertThat(deep.total()).isEqualTo(10_050);
        assertThat(deep.items()).containsExactlyElementsOf(newest.subList(10_020, 10_050));
        var straddling = store.search(new SearchQuery(FeedbackFilter.ALL, 9_990, 20));
        assertThat(straddling.items()).containsExactlyElementsOf(newest.subList(9_990, 10_010));
        assertThat(store.aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.DAY, Dimension.AUTHOR))))
                .containsExactlyElementsOf(ReferenceSemantics.aggregate(many,
                        new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.DAY, Dimension.AUTHOR))));
    }

    @Test
    void afterARolloverUpdatesStayInTheirIndexAndNothingIsDuplicated() {
        List<AnalyzedFeedback> items = SampleFeedback.generate(20, 3);
        store.upsert(items.subList(0, 10));
        String second = store.rollover();
        assertThat(second).isEqualTo("writes-test-feedback-000002");

        AnalyzedFeedback changed = edited(items.get(2));
        assertThat(store.upsert(List.of(changed, items.get(15)))).isEqualTo(new UpsertResult(1, 1));
        assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(11);
        assertThat(store.search(new SearchQuery(FeedbackFilter.builder().ids(Set.of(changed.id())).build(), 0, 10))
                .items()).containsExactly(changed);
        // the new item went to the new write index, the updated one stayed in the first
        assertThat(store.aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of()))).singleElement()
                .satisfies(b -> assertThat(b.stats().count()).isEqualTo(11));

        // verdicts reach items in either index, and the next upsert of the older one keeps them there
        Verdicts v = new Verdicts(Set.of("judged"), Segment.CORE);
        assertThat(store.updateVerdicts(Map.of(changed.id(), v, items.get(15).id(), v))).isEqualTo(2);
        assertThat(store.upsert(List.of(changed))).isEqualTo(new UpsertResult(0, 1));
        assertThat(store.get(changed.id())).contains(changed.withVerdicts(v));
        assertThat(store.count(FeedbackFilter.builder().flags(Set.of("judged")).build())).isEqualTo(2);
        assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(11);

        store.clear();
        assertThat(store.count(FeedbackFilter.ALL)).isZero();
        assertThat(store.upsert(items.subList(0, 1))).isEqualTo(new UpsertResult(1, 0));
    }

    /**
     * An upsert reads the stored items, then writes conditionally; whatever changed in between (a verdict update, a
     * creation by another worker) makes it fall back to the shard-serialised update, and nothing is lost.
     */
    @Test
    void anUpsertThatLosesARaceKeepsWhatWonIt() {
        List<AnalyzedFeedback> items = SampleFeedback.generate(3, 13);
        AnalyzedFeedback stored = items.get(0);
        AnalyzedFeedback fresh = items.get(1);
        store.upsert(List.of(stored));
        Verdicts judged = new Verdicts(Set.of("judged-meanwhile"), Segment.CORE);
        AnalyzedFeedback otherWorkersCopy = edited(fresh);
        int[] calls = {0};
        Runnable[] race = new Runnable[1];
        race[0] = () -> {
            if (++calls[0] == 1) {
                store.afterRead = () -> { };
                store.upsert(List.of(otherWorkersCopy)); // another worker creates the same new id: create → 409
                store.afterRead = race[0];
            } else if (calls[0] == 2) {
                // both conflicting creates were read again; the detectors change one of them before the write
                store.updateVerdicts(Map.of(stored.id(), judged));
            }
        };
        store.afterRead = race[0];
        try {
            AnalyzedFeedback reanalysed = edited(stored);
            assertThat(store.upsert(List.of(reanalysed, fresh))).isEqualTo(new UpsertResult(0, 2));
            assertThat(store.get(stored.id())).contains(reanalysed.withVerdicts(judged));
            assertThat(store.get(fresh.id())).contains(fresh.withVerdicts(otherWorkersCopy.analysis().verdicts()));
            assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(2);
            assertThat(calls[0]).as("read once more after the conflicting creates").isEqualTo(2);
        } finally {
            store.afterRead = () -> { };
        }
    }

    @Test
    void eventualWritesAreDurableWithoutWaitingAndStillUpdateInPlaceAfterARollover() throws Exception {
        // a refresh interval no test outlasts: nothing becomes searchable unless refreshed explicitly
        try (var slow = new ElasticsearchFeedbackStore(ElasticsearchStoreConfig.of(ElasticsearchNode.shared().url(),
                "eventual-test-").withRefreshInterval(Duration.ofHours(1)))) {
            slow.clear();
            List<AnalyzedFeedback> items = SampleFeedback.generate(30, 5);
            assertThat(slow.upsert(items.subList(0, 20), WriteVisibility.EVENTUAL)).isEqualTo(new UpsertResult(20, 0));
            assertThat(slow.count(FeedbackFilter.ALL)).as("not refreshed yet").isZero();

            slow.rollover();
            // the 20 live, unrefreshed, in the first index; updating one must find it there (realtime), not
            // write a second copy into the new write index
            AnalyzedFeedback changed = edited(items.get(4));
            assertThat(slow.upsert(List.of(changed, items.get(25)), WriteVisibility.EVENTUAL))
                    .isEqualTo(new UpsertResult(1, 1));

            slow.client().indices().refresh(r -> r.index("eventual-test-feedback-0*"));
            assertThat(slow.count(FeedbackFilter.ALL)).isEqualTo(21);
            assertThat(slow.count(FeedbackFilter.builder().ids(Set.of(changed.id())).build())).isEqualTo(1);
            assertThat(slow.get(changed.id())).contains(changed);
            assertThat(slow.count(FeedbackFilter.builder().terms(List.of("edited")).build())).isEqualTo(1);
            slow.clear();
        }
    }

    @Test
    void anUnindexableKeywordFailsTheWholeBatchAndAnOverlongTokenIsOnlyLeftOutOfTheIndex() {
        List<AnalyzedFeedback> items = SampleFeedback.generate(3, 9);
        String huge = "长".repeat(11_000); // 33,000 UTF-8 bytes: over Lucene's term limit
        AnalyzedFeedback badProduct = new AnalyzedFeedback(items.get(1).item().toBuilder().product(huge).build(),
                items.get(1).analysis(), items.get(1).week(), items.get(1).day());
        assertThatThrownBy(() -> store.upsert(List.of(items.get(0), badProduct, items.get(2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("product");
        assertThat(store.count(FeedbackFilter.ALL)).isZero();

        Analysis withHugeToken = new Analysis(List.of("续航", huge), items.get(0).analysis().sentiment(),
                items.get(0).analysis().opinions(), items.get(0).analysis().npsClass(), items.get(0).analysis().segment(),
                0L, items.get(0).analysis().flags(), "test");
        AnalyzedFeedback longToken = new AnalyzedFeedback(items.get(0).item(), withHugeToken, items.get(0).week(),
                items.get(0).day());
        assertThat(store.upsert(List.of(longToken))).isEqualTo(new UpsertResult(1, 0));
        assertThat(store.get(longToken.id())).contains(longToken);
        assertThat(store.count(FeedbackFilter.builder().terms(List.of("续航")).build())).isEqualTo(1);
    }

    @Test
    void healthReportsTheCluster() {
        StoreHealth h = store.check();
        assertThat(h.backend()).isEqualTo("elasticsearch");
        assertThat(h.up()).isTrue();
        assertThat(h.detail()).contains("koubei-test");
    }

    @Test
    void anUnreachableClusterIsReportedDownAndRefusesWritesAsUnavailable() {
        int closedPort = ElasticsearchNode.freePort();
        try (var nowhere = new ElasticsearchFeedbackStore(new ElasticsearchStoreConfig("http://127.0.0.1:" + closedPort,
                null, null, "nowhere-", new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20)), null))) {
            assertThat(nowhere.check().up()).isFalse();
            assertThatThrownBy(() -> nowhere.upsert(SampleFeedback.generate(1, 1)))
                    .isInstanceOf(io.koubei.core.store.StoreUnavailableException.class)
                    .hasMessageContaining("after 2 retries");
        }
    }

    @Test
    void badConfigIsRefusedClearly() {
        assertThatThrownBy(() -> ElasticsearchStoreConfig.of("http://x", "Upper*"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index prefix");
        assertThat(new ElasticsearchStoreConfig("http://x", "u", "secret", "p-").toString()).doesNotContain("secret");
    }

    /** A new version of the item, as a re-analysis would make it: other text, other tokens. */
    private static AnalyzedFeedback edited(AnalyzedFeedback f) {
        Analysis a = f.analysis();
        Analysis b = new Analysis(List.of("edited"), a.sentiment(), a.opinions(), a.npsClass(), a.segment(),
                a.simhash(), a.flags(), a.analyzerVersion());
        return new AnalyzedFeedback(f.item().toBuilder().text("edited").build(), b, f.week(), f.day());
    }

    private static List<AnalyzedFeedback> expected(List<AnalyzedFeedback> items, FeedbackFilter filter,
                                                   java.util.Comparator<AnalyzedFeedback> order) {
        return ReferenceSemantics.select(items, filter).stream().sorted(order).toList();
    }
}
