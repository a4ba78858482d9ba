package io.koubei.dashboard.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateDocument;
import io.koubei.core.state.VersionConflictException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings documents (the JSON sections and the analyzer's text files), kept in the shared state collection
 * {@value #COLLECTION} so every node reads what any node saved, and mirrored into the data directory where the
 * analyzer loads its files from. The state store is authoritative: {@link #refresh()} writes what other nodes
 * changed into the local files and says which changed. The first start on a state store without settings imports
 * the data directory's existing files once. Local writes are atomic (temporary file, then rename), so a crash never
 * leaves a half-written file for the analyzer or the detectors to trip over.
 */
public final class SettingsFiles {
    static final String COLLECTION = "settings";
    private static final String IMPORTED = "_imported";
    private static final Logger log = LoggerFactory.getLogger(SettingsFiles.class);

    private final Path dataDir;
    private final StateCollection shared;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> seenVersions = new HashMap<>();

    /** One document: the file's path relative to the data directory, and its text. */
    record SettingsDocument(String path, String text) {
    }

    public SettingsFiles(Path dataDir, StateCollection shared) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.shared = shared;
        importLocalFilesOnce();
    }

    /** Imports the data directory's settings files into a state store that has none yet (an upgrade, or a first node). */
    private void importLocalFilesOnce() {
        if (shared.get(IMPORTED).isPresent()) {
            return;
        }
        for (Path file : localFiles()) {
            String id = idOf(file);
            readLocal(file).ifPresent(text -> {
                try {
                    shared.put(id, json.writeValueAsString(new SettingsDocument(relative(file), text)), StateCollection.ABSENT);
                } catch (VersionConflictException e) {
                    // another node imported or saved it first: theirs stands
                }
            });
        }
        try {
            shared.put(IMPORTED, "{}", StateCollection.ABSENT);
        } catch (VersionConflictException e) {
            // another node finished the import first
        }
    }

    /**
     * Mirrors the shared settings into the data directory: writes documents that changed since the last look and
     * deletes local files whose document is gone.
     *
     * @return the paths (relative to the data directory) that changed
     */
    public synchronized Set<String> refresh() {
        Map<String, String> now = new HashMap<>();
        Set<String> changed = new TreeSet<>();
        for (StateDocument doc : shared.all()) {
            if (doc.id().equals(IMPORTED)) {
                continue;
            }
            now.put(doc.id(), doc.version());
            if (!doc.version().equals(seenVersions.get(doc.id()))) {
                SettingsDocument d = json.readValue(doc.json(), SettingsDocument.class);
                Path file = resolve(d.path());
                if (!readLocal(file).equals(Optional.of(d.text()))) {
                    writeLocal(file, d.text());
                    changed.add(d.path());
                }
            }
        }
        for (Path file : localFiles()) {
            if (!now.containsKey(idOf(file))) {
                deleteLocal(file);
                changed.add(relative(file));
            }
        }
        seenVersions.clear();
        seenVersions.putAll(now);
        if (!changed.isEmpty()) {
            log.info("Settings changed in the shared state: {}", changed);
        }
        return changed;
    }

    public Path analysisDir() {
        return dataDir.resolve("analysis");
    }

    public Path aspects() {
        return analysisDir().resolve("aspects.tsv");
    }

    public Path lexicon() {
        return analysisDir().resolve("sentiment-lexicon.tsv");
    }

    public Path dictionary(String name) {
        return analysisDir().resolve("dictionary").resolve(name + ".txt");
    }

    /** JSON overrides of koubei.signals.* and koubei.alerts.*, and the channel settings. */
    public Path settings(String name) {
        return dataDir.resolve("settings").resolve(name + ".json");
    }

    /** The shared document's text (what every node sees). */
    public Optional<String> readText(Path file) {
        return shared.get(idOf(file)).map(doc -> json.readValue(doc.json(), SettingsDocument.class).text());
    }

    public <T> Optional<T> readJson(String name, Class<T> type) {
        Path file = settings(name);
        return readText(file).map(text -> {
            try {
                return json.readValue(text, type);
            } catch (RuntimeException e) {
                throw new IllegalStateException("settings " + relative(file) + " are not valid: " + e.getMessage(), e);
            }
        });
    }

    public void writeJson(String name, Object value) {
        writeText(settings(name), json.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }

    /** Saves for every node, then mirrors the file locally. */
    public synchronized void writeText(Path file, String text) {
        StateDocument doc = shared.put(idOf(file), json.writeValueAsString(new SettingsDocument(relative(file), text)), null);
        writeLocal(file, text);
        seenVersions.put(doc.id(), doc.version());
    }

    public synchronized void delete(Path file) {
        shared.delete(idOf(file));
        deleteLocal(file);
        seenVersions.remove(idOf(file));
    }

    // ---- the local mirror

    private List<Path> localFiles() {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(dataDir.resolve("settings"), analysisDir())) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                        .filter(SettingsFiles::isSettingsFile).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        return files;
    }

    /** The files the settings pages write: section JSON, the taxonomy, the lexicon and the dictionaries. */
    private static boolean isSettingsFile(Path file) {
        String name = file.getFileName().toString();
        Path parent = file.getParent();
        String dir = parent == null ? "" : parent.getFileName().toString();
        return (dir.equals("settings") && name.endsWith(".json"))
                || (dir.equals("analysis") && (name.equals("aspects.tsv") || name.equals("sentiment-lexicon.tsv")))
                || (dir.equals("dictionary") && name.endsWith(".txt"));
    }

    private String relative(Path file) {
        return dataDir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private Path resolve(String relative) {
        Path file = dataDir.resolve(relative).normalize();
        if (!file.startsWith(dataDir)) {
            throw new IllegalStateException("settings document outside the data directory: " + relative);
        }
        return file;
    }

    private String idOf(Path file) {
        return relative(file).replace('/', ':');
    }

    private static Optional<String> readLocal(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void writeLocal(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void deleteLocal(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
