package io.koubei.ingest.kafka;

import io.koubei.core.store.FeedbackStore;
import io.koubei.store.elasticsearch.ElasticsearchFeedbackStore;
import io.koubei.store.elasticsearch.ElasticsearchStoreConfig;
import io.koubei.store.elasticsearch.RetryPolicy;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import java.time.Duration;

/**
 * The outage test end to end on the scale-out stack: Kafka → analysis → a real Elasticsearch node, which is
 * stopped (SIGTERM) mid-stream and started again on the same data.
 */
class ElasticsearchStoreOutageTest extends AbstractBusStoreOutageTest {
    private ElasticsearchNode node;

    @Override
    protected FeedbackStore openStore() {
        node = ElasticsearchNode.shared();
        String prefix = "outage-" + Long.toHexString(System.nanoTime()) + "-";
        // short retries: the bus, not the store, is what must wait out the outage
        return new ElasticsearchFeedbackStore(ElasticsearchStoreConfig.of(node.url(), prefix)
                .withRetry(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(500)))
                .withRefreshInterval(Duration.ofMillis(200)));
    }

    @Override
    protected void takeStoreDown() {
        node.stop();
    }

    @Override
    protected void bringStoreBack() {
        node.start();
    }

    @Override
    protected Duration patience() {
        return Duration.ofSeconds(120);
    }

    @Override
    protected int itemCount() {
        return 3000;
    }

    @Override
    protected Duration outage() {
        return Duration.ofSeconds(5);
    }
}
