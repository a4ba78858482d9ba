package io.koubei.dashboard.speed;

import io.koubei.analysis.speed.LifecycleEvent;
import io.koubei.analysis.speed.LifecycleLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lifecycle events in {@code <data-dir>/speed/events.jsonl}, append-only, one event per line in the documented
 * format (docs/speed.md). Duplicates are reported and not written again; out-of-order events are kept and
 * reported. The whole log is replayed into memory on start (events are small: a few per ticket).
 */
public class LifecycleEventStore {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final LifecycleLog log = new LifecycleLog();

    /** What one batch did. {@code errors} name the line and the reason; rejected lines change nothing. */
    public record Receipt(int received, int accepted, int outOfOrder, int duplicates, int rejected,
            List<String> errors) {
    }

    public LifecycleEventStore(Path dataDir) {
        this.file = dataDir.resolve("speed").resolve("events.jsonl");
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        log.add(parse(line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    /**
     * Removes every event of these items from the file (rewritten atomically) and from memory (erasure on request).
     *
     * @return how many events were removed
     */
    public synchronized int erase(java.util.Set<String> itemIds) {
        if (!Files.exists(file) || itemIds.isEmpty()) {
            return 0;
        }
        try {
            List<String> keep = new ArrayList<>();
            int removed = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                if (itemIds.contains(text(JSON.readTree(line), "itemId"))) {
                    removed++;
                } else {
                    keep.add(line);
                }
            }
            if (removed > 0) {
                Path tmp = Files.createTempFile(file.getParent(), ".events", ".tmp");
                Files.write(tmp, keep, StandardCharsets.UTF_8);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                log.remove(itemIds);
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot erase events from " + file, e);
        }
    }

    public synchronized LifecycleLog log() {
        return log;
    }

    /** Parses and records NDJSON (or a single object); the answer comes after accepted lines are on disk. */
    public synchronized Receipt receive(String source, String body) {
        List<String> errors = new ArrayList<>();
        List<String> toWrite = new ArrayList<>();
        int received = 0, accepted = 0, late = 0, dup = 0;
        String[] lines = body.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].trim();
            if (line.isEmpty()) {
                continue;
            }
            received++;
            LifecycleEvent e;
            try {
                e = parse(line);
            } catch (RuntimeException ex) {
                errors.add(source + ":" + (n + 1) + ": " + ex.getMessage());
                continue;
            }
            switch (log.add(e)) {
                case DUPLICATE -> dup++;
                case OUT_OF_ORDER -> { late++; accepted++; toWrite.add(write(e)); }
                case ACCEPTED -> { accepted++; toWrite.add(write(e)); }
            }
        }
        append(toWrite);
        return new Receipt(received, accepted, late, dup, errors.size(), errors);
    }

    private void append(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        try {
            io.koubei.dashboard.platform.OwnerOnlyDataDir.createPrivately(file); // raw events: owner-only
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ch.write(java.nio.ByteBuffer.wrap((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    static LifecycleEvent parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        String itemId = text(n, "itemId");
        if (itemId == null) {
            throw new IllegalArgumentException("itemId: required");
        }
        String type = text(n, "type");
        if (type == null) {
            throw new IllegalArgumentException("type: required (opened, assigned, replied, resolved or reopened)");
        }
        return new LifecycleEvent(text(n, "eventId"), itemId, LifecycleEvent.Type.fromWire(type), instant(n, "at"),
                text(n, "department"), text(n, "agent"), n.path("anomaly").asBoolean(false), text(n, "channel"),
                text(n, "product"), text(n, "note"));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asString().isBlank() ? null : v.asString().trim();
    }

    static Instant instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(field + ": required (ISO-8601 with offset, or epoch millis)");
        }
        if (v.isNumber()) {
            return Instant.ofEpochMilli(v.asLong());
        }
        try {
            return OffsetDateTime.parse(v.asString().trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": expected ISO-8601 with offset (2026-11-02T10:00:00+08:00) or"
                    + " epoch millis, got '" + v.asString() + "'");
        }
    }

    static String write(LifecycleEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", e.eventId());
        m.put("itemId", e.itemId());
        m.put("type", e.type().wireName());
        m.put("at", e.at().toString());
        m.put("department", e.department());
        m.put("agent", e.agent());
        m.put("anomaly", e.anomaly());
        m.put("channel", e.channel());
        m.put("product", e.product());
        m.put("note", e.note());
        m.values().removeIf(java.util.Objects::isNull);
        return JSON.writeValueAsString(m);
    }
}
