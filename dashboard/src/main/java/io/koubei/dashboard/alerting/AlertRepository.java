package io.koubei.dashboard.alerting;

import io.koubei.core.state.StateStore;
import io.koubei.dashboard.platform.state.TypedCollection;
import io.koubei.store.state.FileStateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import tools.jackson.core.type.TypeReference;

/**
 * Alerts in the state store's {@code alerts} collection: on files in the data directory for one process, in
 * Elasticsearch shared by every node. An {@code alerts.json} of an older version is moved in on first start.
 */
public class AlertRepository {
    private final TypedCollection<Alert> alerts;
    private final IncidentRepository incidents;

    /** The embedded state of one data directory (tests and the CLI). */
    public AlertRepository(Path dataDir) {
        this(new FileStateStore(dataDir), dataDir);
    }

    public AlertRepository(StateStore state, Path legacyDataDir) {
        this.alerts = new TypedCollection<>(state.collection("alerts"), Alert.class);
        this.incidents = new IncidentRepository(state);
        if (legacyDataDir != null) {
            alerts.importLegacy(legacyDataDir.resolve("alerts.json"), new TypeReference<List<Alert>>() { }, Alert::id);
        }
    }

    public Optional<Alert> get(String id) {
        return alerts.get(id);
    }

    /** The alert of a dedup key: a keyed read of its id ({@link #idOf}), not a scan of every alert. */
    public Optional<Alert> byDedupKey(String key) {
        return alerts.get(idOf(key)).filter(a -> key.equals(a.dedupKey()));
    }

    /** An alert's id: derived from its dedup key, so the same finding is the same document on every node. */
    public static String idOf(String dedupKey) {
        return java.util.UUID.nameUUIDFromBytes(dedupKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** The incidents, in the same state store. */
    public IncidentRepository incidents() {
        return incidents;
    }

    public List<Alert> all() {
        List<Alert> list = new ArrayList<>(alerts.all());
        list.sort(Comparator.comparing(Alert::lastSeen).reversed().thenComparing(Alert::id));
        return list;
    }

    public void save(Alert alert) {
        alerts.put(alert.id(), alert);
    }

    /** Read-modify-write of one alert, safe against another node changing it at the same time. */
    public Optional<Alert> update(String id, UnaryOperator<Alert> change) {
        return alerts.update(id, a -> a == null ? null : change.apply(a));
    }

    /** See {@link TypedCollection#claim}: true for exactly one caller across nodes. */
    public boolean claim(String id, Predicate<Alert> due, UnaryOperator<Alert> change) {
        return alerts.claim(id, due, change);
    }
}
