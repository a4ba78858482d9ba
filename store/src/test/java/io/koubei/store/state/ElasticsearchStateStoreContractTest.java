package io.koubei.store.state;

import io.koubei.core.state.StateStore;
import io.koubei.store.elasticsearch.ElasticsearchStoreConfig;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Two store instances (two "nodes") on one real Elasticsearch node share one state. */
class ElasticsearchStateStoreContractTest extends StateStoreContract {
    private static ElasticsearchStateStore a;
    private static ElasticsearchStateStore b;

    @BeforeAll
    static void open() {
        ElasticsearchStoreConfig config = ElasticsearchStoreConfig.of(ElasticsearchNode.shared().url(), "state-contract-");
        a = new ElasticsearchStateStore(config);
        b = new ElasticsearchStateStore(config);
    }

    @AfterAll
    static void close() {
        a.close();
        b.close();
    }

    @Override
    protected StateStore store() {
        return a;
    }

    @Override
    protected StateStore otherNode() {
        return b;
    }
}
