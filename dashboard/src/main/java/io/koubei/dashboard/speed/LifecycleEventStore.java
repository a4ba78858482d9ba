package io.koubei.dashboard.speed;

import io.koubei.analysis.speed.LifecycleEvent;
import io.koubei.analysis.speed.LifecycleLog;
import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateDocument;
import io.koubei.core.state.StateStore;
import io.koubei.core.state.VersionConflictException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lifecycle events in the state store's collection {@value #COLLECTION}: one document per event, its JSON in the
 * documented format (docs/speed.md), its id derived from the event's {@link LifecycleEvent#key() key}. So a re-sent
 * event, on this node or another, is the same document: it is written create-if-absent, and the second write is
 * reported as a duplicate. Out-of-order events are kept and reported.
 *
 * <p>Reads are read-through: each node keeps the folded log in memory, and before using it reads one stamp document
 * that every write rewrites; when the stamp's version changed (another node wrote or erased), the log is read again
 * from the store. With Elasticsearch (every write refreshes) a node sees another node's events as soon as that
 * node's {@link #receive} has answered. Files of an earlier version ({@code <data-dir>/speed/events.jsonl}) are
 * imported on start, once per file content, and kept.
 */
public class LifecycleEventStore {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String COLLECTION = "speed-events";
    /** Rewritten after every change; its version tells other nodes that their copy of the log is stale. */
    private static final String STAMP = "_changed";

    private final StateCollection events;
    private final Path legacyFile;
    private LifecycleLog log = new LifecycleLog();
    /** The stamp's version {@link #log} was read at; null: read again before the next use. */
    private String readAt;

    /** What one batch did. {@code errors} name the line and the reason; rejected lines change nothing. */
    public record Receipt(int received, int accepted, int outOfOrder, int duplicates, int rejected,
            List<String> errors) {
    }

    public LifecycleEventStore(StateStore state, Path dataDir) {
        this.events = state.collection(COLLECTION);
        this.legacyFile = dataDir.resolve("speed").resolve("events.jsonl");
        LegacySpeedFiles.importOnce(events, LegacySpeedFiles.contentMarker(legacyFile), legacyFile, this::importLines);
    }

    /** Events already stored (imported before, or sent to another node too) stay as they are. */
    private void importLines(List<String> lines) {
        Map<String, String> batch = new LinkedHashMap<>();
        for (String line : lines) {
            LifecycleEvent e = parse(line);
            batch.putIfAbsent(id(e), write(e));
            if (batch.size() >= 5000) {
                events.createAll(batch);
                batch.clear();
            }
        }
        events.createAll(batch);
        stamp();
    }

    /** The document id of an event: the same for the same event on every node. */
    static String id(LifecycleEvent e) {
        return StateIds.hashed(e.key());
    }

    /**
     * Removes every event of these items from the state store (and from this node's old events file, if one is
     * kept), erasure on request.
     *
     * @return how many events were removed
     */
    public synchronized int erase(Set<String> itemIds) {
        if (itemIds.isEmpty()) {
            return 0;
        }
        int removed = 0;
        for (StateDocument d : events.all()) {
            if (StateIds.isRecord(d.id()) && itemIds.contains(text(JSON.readTree(d.json()), "itemId")) && events.delete(d.id())) {
                removed++;
            }
        }
        eraseFromLegacyFile(itemIds);
        if (removed > 0) {
            stamp();
        }
        log.remove(itemIds);
        return removed;
    }

    private void eraseFromLegacyFile(Set<String> itemIds) {
        if (!Files.exists(legacyFile)) {
            return;
        }
        try {
            List<String> keep = new ArrayList<>();
            boolean changed = false;
            for (String line : Files.readAllLines(legacyFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && itemIds.contains(text(JSON.readTree(line), "itemId"))) {
                    changed = true;
                } else {
                    keep.add(line);
                }
            }
            if (changed) {
                Path tmp = Files.createTempFile(legacyFile.getParent(), ".events", ".tmp");
                Files.write(tmp, keep, StandardCharsets.UTF_8);
                Files.move(tmp, legacyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot erase events from " + legacyFile, e);
        }
    }

    /** Every event any node recorded, folded per item (read again when another node changed it). */
    public synchronized LifecycleLog log() {
        refresh();
        return log;
    }

    private void refresh() {
        String now = events.get(STAMP).map(StateDocument::version).orElse("");
        if (now.equals(readAt)) {
            return;
        }
        LifecycleLog fresh = new LifecycleLog();
        for (StateDocument d : events.all()) {
            if (StateIds.isRecord(d.id())) {
                fresh.add(parse(d.json()));
            }
        }
        log = fresh;
        readAt = now;
    }

    /**
     * Marks the events changed. Written on condition that the stamp is still the one this node's log was read at: then
     * no other node has stamped since, and one that has stored events but not stamped yet will change the stamp after
     * this one, so the log stays current without reading everything again after each of this node's own writes.
     * Otherwise (another node stamped meanwhile) the stamp is written anyway and the log is read again before its next
     * use.
     */
    private void stamp() {
        if (readAt != null) {
            try {
                readAt = events.put(STAMP, "{}", readAt.isEmpty() ? StateCollection.ABSENT : readAt).version();
                return;
            } catch (VersionConflictException anotherNodeWrote) {
                // fall through
            }
        }
        events.put(STAMP, "{}", null);
        readAt = null;
    }

    /**
     * Parses and records NDJSON (or a single object); the answer comes after accepted events are stored, as one
     * create-if-absent batch: an event that another node stored meanwhile counts as a duplicate.
     */
    public synchronized Receipt receive(String source, String body) {
        refresh();
        List<String> errors = new ArrayList<>();
        int received = 0;
        int dup = 0;
        Map<String, String> toCreate = new LinkedHashMap<>();
        Set<String> lateIds = new HashSet<>();
        boolean done = false;
        try {
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
                    case OUT_OF_ORDER -> { toCreate.put(id(e), write(e)); lateIds.add(id(e)); }
                    case ACCEPTED -> toCreate.put(id(e), write(e));
                }
            }
            Set<String> sentTwice = toCreate.isEmpty() ? Set.of() : events.createAll(toCreate); // stored by another node a moment ago
            dup += sentTwice.size();
            lateIds.removeAll(sentTwice);
            done = true;
            return new Receipt(received, toCreate.size() - sentTwice.size(), lateIds.size(), dup, errors.size(), errors);
        } finally {
            if (!done) {
                readAt = null; // the log in memory may hold events the store refused: read it again
            }
            if (!toCreate.isEmpty()) {
                stamp();
            }
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
