package io.koubei.dashboard.alerting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts kept as one JSON file in the data directory, rewritten atomically on each change. Alerts are few
 * (dozens a week), so this stays simple and survives restarts without another server.
 */
public class AlertRepository {
    private final Path file;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Alert> byId = new LinkedHashMap<>();

    public AlertRepository(Path dataDir) {
        this.file = dataDir.resolve("alerts.json");
        load();
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            List<Alert> alerts = json.readValue(file.toFile(), new TypeReference<List<Alert>>() { });
            alerts.forEach(a -> byId.put(a.id(), a));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read alerts from " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized Optional<Alert> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized Optional<Alert> byDedupKey(String key) {
        return byId.values().stream().filter(a -> a.dedupKey().equals(key)).findFirst();
    }

    public synchronized List<Alert> all() {
        List<Alert> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparing(Alert::lastSeen).reversed().thenComparing(Alert::id));
        return list;
    }

    public synchronized void save(Alert alert) {
        byId.put(alert.id(), alert);
        persist();
    }

    private void persist() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".alerts", ".tmp");
            json.writeValue(tmp.toFile(), new ArrayList<>(byId.values()));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
