package io.koubei.ingest.kafka;

import io.koubei.core.store.FeedbackStore;

/** The outage test with an in-memory store behind a switch. */
class MapStoreOutageTest extends AbstractBusStoreOutageTest {
    private OutageSwitchStore store;

    @Override
    protected FeedbackStore openStore() {
        store = new OutageSwitchStore(new MapFeedbackStore());
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
