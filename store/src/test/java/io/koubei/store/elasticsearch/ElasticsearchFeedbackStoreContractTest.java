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
}
