package io.koubei.dashboard.signals;

import io.koubei.analysis.signals.trend.ProductEvent;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Product events (launch, OTA version, price change) the detectors compare before/after; kept in
 * {@code <data-dir>/events.json}. Recording an event with an existing id replaces it.
 */
public class EventRegistry {
    private final Path file;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, ProductEvent> byId = new LinkedHashMap<>();

    public EventRegistry(Path dataDir) {
        this.file = dataDir.resolve("events.json");
        if (Files.exists(file)) {
            json.readValue(file.toFile(), new TypeReference<List<ProductEvent>>() { }).forEach(e -> byId.put(e.id(), e));
        }
    }

    public synchronized List<ProductEvent> list() {
        List<ProductEvent> l = new ArrayList<>(byId.values());
        l.sort(Comparator.comparing(ProductEvent::at).thenComparing(ProductEvent::id));
        return l;
    }

    public synchronized void record(List<ProductEvent> events) {
        events.forEach(e -> byId.put(e.id(), e));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".events", ".tmp");
            json.writeValue(tmp.toFile(), list());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
