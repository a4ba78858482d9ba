package io.koubei.ingest.kafka;

import io.koubei.core.store.FeedbackStore;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The outage test with the embedded Lucene store on disk, behind a switch that makes its writes fail. */
class LuceneStoreOutageTest extends AbstractBusStoreOutageTest {
    @TempDir
    Path dir;
    private OutageSwitchStore store;

    @Override
    protected FeedbackStore openStore() {
        store = new OutageSwitchStore(new LuceneFeedbackStore(dir.resolve("index")));
        return store;
    }

    @Override
    protected void takeStoreDown() {
        store.goDown();
    }

    @Override
    protected void bringStoreBack() {
        store.comeBack();
    }
}
