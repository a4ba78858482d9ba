package io.koubei.ingest.connect;

import io.koubei.ingest.bus.InProcessBus;
import io.koubei.ingest.bus.MapBackedHandler;
import io.koubei.ingest.format.FormatOptions;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.store.state.FileStateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runner as the platform wires it, on a temporary data directory: the in-process bus into a map-backed "store"
 * (upsert by id), the embedded state store for cursors and statuses, and a sleeper that only records the waits.
 */
final class SyncFixture implements AutoCloseable {
    final MapBackedHandler store = new MapBackedHandler();
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final Path dataDir;
    private final InProcessBus bus;
    private FileStateStore state;
    SourceStatuses statuses;
    private SourceRunner runner;
    final HttpFetcher http = new HttpFetcher();

    SyncFixture(Path dataDir) {
        this.dataDir = dataDir;
        this.bus = new InProcessBus(dataDir.resolve("dlq"));
        bus.start(store);
        open();
    }

    private void open() {
        state = new FileStateStore(dataDir);
        statuses = new SourceStatuses(state);
        runner = new SourceRunner(new FeedbackImporter(bus), statuses,
                new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(15)),
                waits::add, Clock.systemUTC(), FormatOptions.standard(), 1_000);
    }

    /** As after a restart: the state is read again from the files. */
    void restart() {
        state.close();
        open();
    }

    SourceConfig source(String name, String type, Map<String, String> settings) {
        return new SourceConfig("sources.yml", name, type, Duration.ofHours(1), null, null, settings);
    }

    SyncResult sync(SourceConfig config) {
        return runner.run(config, Connectors.create(config, http));
    }

    String cursor(String name) {
        return statuses.get(name).map(SourceStatus::cursor).orElse(null);
    }

    @Override
    public void close() {
        bus.close();
        state.close();
    }
}
