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

    /**
     * An index made before the author figures existed (strict mapping without their fields) takes them when a store
     * opens it: upserts succeed and the figures are there.
     */
    @org.junit.jupiter.api.Test
    void anIndexFromBeforeTheAuthorFiguresGetsTheirFields() throws Exception {
        String prefix = "legacy-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "-";
        FeedbackIndexLayout layout = new FeedbackIndexLayout(prefix);
        String oldTemplate = layout.templateJson(Duration.ofMillis(200))
                .replace(FeedbackIndexLayout.authorFigureProperties() + ",", "");
        org.assertj.core.api.Assertions.assertThat(oldTemplate).doesNotContain(FeedbackIndexLayout.MARKS_KEY);
        var client = store.client();
        client.indices().putIndexTemplate(t -> t.name(layout.templateName()).withJson(new java.io.StringReader(oldTemplate)));
        client.indices().create(c -> c.index(layout.firstIndex()).withJson(new java.io.StringReader(layout.firstIndexJson())));
        try (ElasticsearchFeedbackStore legacy = new ElasticsearchFeedbackStore(
                ElasticsearchStoreConfig.of(ElasticsearchNode.shared().url(), prefix).withRefreshInterval(Duration.ofMillis(200)))) {
            var items = authorFixture();
            legacy.upsert(items);
            org.assertj.core.api.Assertions.assertThat(legacy.authorStats(io.koubei.core.store.FeedbackFilter.ALL,
                    io.koubei.core.feedback.AuthorMarks.DEFAULT)).hasSize(expectedAuthorStats(items,
                    io.koubei.core.store.FeedbackFilter.ALL, io.koubei.core.feedback.AuthorMarks.DEFAULT, true).size())
                    .allMatch(s -> s.unmarked() == 0);
            legacy.clear();
        } finally {
            client.indices().delete(d -> d.index(layout.firstIndex()));
            client.indices().deleteIndexTemplate(d -> d.name(layout.templateName()));
        }
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
