package io.koubei.store.state;

import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateDocument;
import io.koubei.core.state.StateStore;
import io.koubei.core.state.VersionConflictException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * The embedded state store: one JSON file per collection in {@code <data-dir>/state/}, rewritten atomically (and
 * owner-readable only) on every change. One process owns a data directory (the embedded index's lock sees to that),
 * so leases are held in memory.
 */
public final class FileStateStore implements StateStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    @Override
    public String describe() {
        return "files in " + dir;
    }

    @Override
    public void close() {
        // every write is already on disk
    }

    private static final class FileCollection implements StateCollection {
        private final String name;
        private final Path file;
        private final TreeMap<String, StateDocument> docs = new TreeMap<>();
        private long lastVersion;

        FileCollection(String name, Path file) {
            this.name = name;
            this.file = file;
            load();
        }

        private void load() {
            if (!Files.exists(file)) {
                return;
            }
            try {
                JsonNode root = JSON.readTree(file.toFile());
                lastVersion = root.path("lastVersion").asLong();
                for (JsonNode d : root.path("documents")) {
                    String id = d.get("id").asString();
                    docs.put(id, new StateDocument(id, JSON.writeValueAsString(d.get("doc")), d.get("version").asString()));
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot read state collection " + name + " from " + file + ": " + e.getMessage(), e);
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
            docs.put(id, next);
            try {
                persist(lastVersion + 1);
            } catch (RuntimeException e) {
                if (current == null) {
                    docs.remove(id);
                } else {
                    docs.put(id, current);
                }
                throw e;
            }
            lastVersion++;
            return next;
        }

        @Override
        public synchronized boolean delete(String id) {
            StateDocument removed = docs.remove(id);
            if (removed == null) {
                return false;
            }
            try {
                persist(lastVersion);
            } catch (RuntimeException e) {
                docs.put(id, removed);
                throw e;
            }
            return true;
        }

        private void persist(long version) {
            ObjectNode root = JSON.createObjectNode();
            root.put("lastVersion", version);
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
                    try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write state collection " + name + " to " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
