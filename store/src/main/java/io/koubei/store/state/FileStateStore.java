package io.koubei.store.state;

import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateDocument;
import io.koubei.core.state.StateStore;
import io.koubei.core.state.VersionConflictException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The embedded state store: per collection in {@code <data-dir>/state/}, a JSON snapshot and an append-only journal
 * (both owner-readable only); a change is one forced journal line. One process owns a data directory (the embedded
 * index's lock sees to that), so leases are held in memory.
 */
public final class FileStateStore implements StateStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final System.Logger LOG = System.getLogger(FileStateStore.class.getName());

    private final Path dir;
    private final Map<String, FileCollection> collections = new ConcurrentHashMap<>();
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    private record Lease(String holder, Instant until) {
    }

    public FileStateStore(Path dataDir) {
        this.dir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().resolve("state");
        try {
            Files.createDirectories(dir);
            OwnerOnly.directory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state directory " + dir, e);
        }
    }

    @Override
    public StateCollection collection(String name) {
        return collections.computeIfAbsent(StateStore.checkName(name), n -> new FileCollection(n, dir.resolve(n + ".json")));
    }

    @Override
    public synchronized boolean tryLease(String name, String holder, Duration ttl, Instant now) {
        Lease current = leases.get(name);
        if (current != null && !current.holder().equals(holder) && current.until().isAfter(now)) {
            return false;
        }
        leases.put(name, new Lease(holder, now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized void releaseLease(String name, String holder) {
        leases.computeIfPresent(name, (n, l) -> l.holder().equals(holder) ? null : l);
    }

    /** Folds a collection's journal into its snapshot now (tests simulate crashes around it). */
    void compact(String collection) {
        ((FileCollection) collection(collection)).compact();
    }

    @Override
    public String describe() {
        return "files in " + dir;
    }

    @Override
    public void close() {
        collections.values().forEach(FileCollection::close); // every acknowledged write is already on disk
    }

    /**
     * One collection: a snapshot ({@code <name>.json}) plus an append-only journal ({@code <name>.journal}, one JSON
     * line per change, forced to disk before the change is acknowledged). A write costs one appended line, not a
     * rewrite of the whole collection; when the journal outgrows the snapshot (and {@link #COMPACT_AT_BYTES}), the
     * snapshot is rewritten atomically and the journal emptied. Replaying the journal over the snapshot is idempotent,
     * so a crash between those two steps loses nothing; a torn last line (a crash mid-append) was never acknowledged
     * and is cut off. A deletion compacts at once, so a deleted document's earlier versions do not outlive it on disk.
     */
    private static final class FileCollection implements StateCollection {
        private static final long COMPACT_AT_BYTES = 1 << 20;

        private final String name;
        private final Path file;
        private final Path journal;
        private final TreeMap<String, StateDocument> docs = new TreeMap<>();
        private long lastVersion;
        private long snapshotBytes;
        private FileChannel journalChannel;

        FileCollection(String name, Path file) {
            this.name = name;
            this.file = file;
            this.journal = file.resolveSibling(name + ".journal");
            load();
        }

        private void load() {
            try {
                if (Files.exists(file)) {
                    snapshotBytes = Files.size(file);
                    JsonNode root = JSON.readTree(file.toFile());
                    lastVersion = root.path("lastVersion").asLong();
                    for (JsonNode d : root.path("documents")) {
                        String id = d.get("id").asString();
                        docs.put(id, new StateDocument(id, JSON.writeValueAsString(d.get("doc")), d.get("version").asString()));
                    }
                }
                if (Files.exists(journal)) {
                    replayJournal();
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read state collection " + name + " from " + file + ": " + e.getMessage(), e);
            }
        }

        private void replayJournal() throws IOException {
            byte[] bytes = Files.readAllBytes(journal);
            int start = 0;
            long goodLength = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                start = i + 1;
                if (!line.isBlank()) {
                    apply(JSON.readTree(line));
                }
                goodLength = start;
            }
            if (goodLength < bytes.length) { // a torn last append: never acknowledged, so cut it off
                try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
                    ch.truncate(goodLength);
                    ch.force(true);
                }
            }
        }

        private void apply(JsonNode entry) {
            String id = entry.get("id").asString();
            if ("delete".equals(entry.path("op").asString())) {
                docs.remove(id);
            } else {
                String version = entry.get("version").asString();
                docs.put(id, new StateDocument(id, JSON.writeValueAsString(entry.get("doc")), version));
                lastVersion = Math.max(lastVersion, Long.parseLong(version));
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized Optional<StateDocument> get(String id) {
            return Optional.ofNullable(docs.get(id));
        }

        @Override
        public synchronized List<StateDocument> all() {
            return new ArrayList<>(docs.values());
        }

        @Override
        public synchronized StateDocument put(String id, String json, String expectedVersion) {
            Objects.requireNonNull(id, "id");
            JsonNode parsed = JSON.readTree(json); // refuse what is not JSON before anything changes
            StateDocument current = docs.get(id);
            if (expectedVersion != null) {
                String actual = current == null ? ABSENT : current.version();
                if (!actual.equals(expectedVersion)) {
                    throw new VersionConflictException(name + "/" + id + " is at version " + actual + ", not " + expectedVersion);
                }
            }
            StateDocument next = new StateDocument(id, JSON.writeValueAsString(parsed), Long.toString(lastVersion + 1));
            ObjectNode entry = JSON.createObjectNode();
            entry.put("op", "put");
            entry.put("id", id);
            entry.put("version", next.version());
            entry.set("doc", parsed);
            append(entry);
            docs.put(id, next);
            lastVersion++;
            compactIfLarge();
            return next;
        }

        /** One journal write and one force for the whole batch. */
        @Override
        public synchronized java.util.Set<String> createAll(Map<String, String> documents) {
            java.util.Set<String> existed = new java.util.LinkedHashSet<>();
            List<ObjectNode> entries = new ArrayList<>();
            Map<String, StateDocument> created = new java.util.LinkedHashMap<>();
            long version = lastVersion;
            for (Map.Entry<String, String> d : documents.entrySet()) {
                String id = Objects.requireNonNull(d.getKey(), "id");
                JsonNode parsed = JSON.readTree(d.getValue()); // refuse what is not JSON before anything changes
                if (docs.containsKey(id) || created.containsKey(id)) {
                    existed.add(id);
                    continue;
                }
                StateDocument next = new StateDocument(id, JSON.writeValueAsString(parsed), Long.toString(++version));
                ObjectNode entry = JSON.createObjectNode();
                entry.put("op", "put");
                entry.put("id", id);
                entry.put("version", next.version());
                entry.set("doc", parsed);
                entries.add(entry);
                created.put(id, next);
            }
            if (!entries.isEmpty()) {
                append(entries);
                docs.putAll(created);
                lastVersion = version;
                compactIfLarge();
            }
            return existed;
        }

        @Override
        public synchronized boolean delete(String id) {
            if (!docs.containsKey(id)) {
                return false;
            }
            ObjectNode entry = JSON.createObjectNode();
            entry.put("op", "delete");
            entry.put("id", id);
            append(entry);
            docs.remove(id);
            try {
                compact(); // a deleted document (a user, a token) must not live on in the journal's history
            } catch (UncheckedIOException e) {
                LOG.log(System.Logger.Level.WARNING, "state collection " + name + ": the deletion of " + id
                        + " is durable, but its earlier versions stay in " + journal + " until the next compaction: " + e.getMessage());
            }
            return true;
        }

        /** Appends one line and forces it to disk; on failure the journal is cut back and nothing has changed. */
        private void append(ObjectNode entry) {
            append(List.of(entry));
        }

        /** Appends the lines and forces them to disk once; on failure the journal is cut back and nothing has changed. */
        private void append(List<ObjectNode> entries) {
            StringBuilder text = new StringBuilder();
            for (ObjectNode entry : entries) {
                text.append(JSON.writeValueAsString(entry)).append('\n');
            }
            byte[] line = text.toString().getBytes(StandardCharsets.UTF_8);
            long before = -1;
            try {
                if (journalChannel == null) {
                    journalChannel = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    OwnerOnly.file(journal);
                }
                before = journalChannel.size();
                ByteBuffer buffer = ByteBuffer.wrap(line);
                long position = before;
                while (buffer.hasRemaining()) {
                    position += journalChannel.write(buffer, position);
                }
                journalChannel.force(false);
            } catch (IOException e) {
                if (before >= 0) {
                    try {
                        journalChannel.truncate(before);
                    } catch (IOException ignored) {
                        // a torn line is cut off at the next load
                    }
                }
                throw new UncheckedIOException("cannot write state collection " + name + " to " + journal + ": " + e.getMessage(), e);
            }
        }

        private void compactIfLarge() {
            try {
                long journalBytes = journalChannel == null ? 0 : journalChannel.size();
                if (journalBytes < COMPACT_AT_BYTES || journalBytes < snapshotBytes) {
                    return;
                }
                compact();
            } catch (IOException | UncheckedIOException e) {
                // the change is already durable in the journal; compaction is tried again after a later write
                LOG.log(System.Logger.Level.WARNING,
                        "state collection " + name + ": compaction failed, the journal keeps every change: " + e.getMessage());
            }
        }

        /** Writes the snapshot atomically, then empties the journal (replaying it over the new snapshot is harmless). */
        synchronized void compact() {
            writeSnapshot();
            try {
                if (journalChannel == null) {
                    if (!Files.exists(journal)) {
                        return;
                    }
                    journalChannel = FileChannel.open(journal, StandardOpenOption.WRITE);
                }
                journalChannel.truncate(0);
                journalChannel.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot empty the journal " + journal + ": " + e.getMessage(), e);
            }
        }

        private void writeSnapshot() {
            ObjectNode root = JSON.createObjectNode();
            root.put("lastVersion", lastVersion);
            ArrayNode list = root.putArray("documents");
            for (StateDocument d : docs.values()) {
                ObjectNode o = list.addObject();
                o.put("id", d.id());
                o.put("version", d.version());
                o.set("doc", JSON.readTree(d.json()));
            }
            try {
                Path tmp = Files.createTempFile(file.getParent(), "." + name, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    JSON.writeValue(tmp.toFile(), root);
                    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    snapshotBytes = Files.size(file);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write state collection " + name + " to " + file + ": " + e.getMessage(), e);
            }
        }

        synchronized void close() {
            if (journalChannel != null) {
                try {
                    journalChannel.close();
                } catch (IOException ignored) {
                    // every acknowledged line was forced already
                }
                journalChannel = null;
            }
        }
    }
}
