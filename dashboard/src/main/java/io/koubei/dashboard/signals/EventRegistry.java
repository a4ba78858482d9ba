package io.koubei.dashboard.signals;

import io.koubei.analysis.signals.trend.ProductEvent;
import io.koubei.core.state.StateStore;
import io.koubei.dashboard.platform.state.TypedCollection;
import io.koubei.store.state.FileStateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/**
 * Product events (launch, OTA version, price change) the detectors compare before/after, in the state store's
 * {@code events} collection (shared by every node on Elasticsearch); an {@code events.json} of an older version is
 * moved in on first start. Recording an event with an existing id replaces it.
 */
public class EventRegistry {
    private final TypedCollection<ProductEvent> events;

    /** The embedded state of one data directory (tests and the CLI). */
    public EventRegistry(Path dataDir) {
        this(new FileStateStore(dataDir), dataDir);
    }

    public EventRegistry(StateStore state, Path legacyDataDir) {
        this.events = new TypedCollection<>(state.collection("events"), ProductEvent.class);
        if (legacyDataDir != null) {
            events.importLegacy(legacyDataDir.resolve("events.json"), new TypeReference<List<ProductEvent>>() { }, ProductEvent::id);
        }
    }

    public List<ProductEvent> list() {
        List<ProductEvent> l = new ArrayList<>(events.all());
        l.sort(Comparator.comparing(ProductEvent::at).thenComparing(ProductEvent::id));
        return l;
    }

    public void record(List<ProductEvent> recorded) {
        recorded.forEach(e -> events.put(e.id(), e));
    }
}
