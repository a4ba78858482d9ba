package io.koubei.store.embedded;

import io.koubei.core.store.FeedbackStore;
import io.koubei.store.FeedbackStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store against the shared contract: one index per class, cleared before each test. */
class LuceneFeedbackStoreContractTest extends FeedbackStoreContract {
    @TempDir
    static Path dir;
    private static LuceneFeedbackStore store;

    @BeforeAll
    static void open() {
        store = new LuceneFeedbackStore(dir.resolve("index"));
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
