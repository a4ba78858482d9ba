package io.koubei.store.elasticsearch;

import io.koubei.core.store.FeedbackStore;
import io.koubei.store.FeedbackStoreContract;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Elasticsearch store against the shared contract, on the shared real node; the suite clears before each test. */
class ElasticsearchFeedbackStoreContractTest extends FeedbackStoreContract {
    private static ElasticsearchFeedbackStore store;

    @BeforeAll
    static void open() {
        store = new ElasticsearchFeedbackStore(ElasticsearchStoreConfig.of(ElasticsearchNode.shared().url(), "contract-")
                .withRefreshInterval(Duration.ofMillis(200)));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected FeedbackStore store() {
        return store;
    }

    /** Authors spread over many composite pages give the same figures as one page. */
    @org.junit.jupiter.api.Test
    void authorStatsArePagedWithoutLosingOrSplittingAnAuthor() {
        var items = authorFixture();
        store.upsert(items);
        var expected = expectedAuthorStats(items, io.koubei.core.store.FeedbackFilter.ALL,
                io.koubei.core.feedback.AuthorMarks.DEFAULT, true);
        var paged = new java.util.TreeMap<String, io.koubei.core.store.AuthorStats>();
        store.authorStats(io.koubei.core.store.FeedbackFilter.ALL, io.koubei.core.feedback.AuthorMarks.DEFAULT, 5)
                .forEach(s -> org.assertj.core.api.Assertions.assertThat(paged.put(s.authorId(), s)).isNull());
        org.assertj.core.api.Assertions.assertThat(paged).isEqualTo(expected).hasSizeGreaterThan(10);
    }
}
