package io.koubei.analysis.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Versioned sentiment models in a data directory: {@code <dataDir>/models/sentiment/<version>.kbsm}, and a
 * file {@code ACTIVE} naming the one in use. Saving a model does not delete older ones (roll back by
 * activating an older version).
 */
public final class SentimentModelStore {
    public static final String EXTENSION = ".kbsm";
    private final Path dir;

    public SentimentModelStore(Path dataDir) {
        this.dir = dataDir.resolve("models").resolve("sentiment");
    }

    public Path directory() {
        return dir;
    }

    public Path save(LinearSentimentModel model, boolean activate) throws IOException {
        Path file = dir.resolve(model.version() + EXTENSION);
        model.save(file);
        if (activate) {
            activate(model.version());
        }
        return file;
    }

    public void activate(String version) throws IOException {
        if (!Files.exists(dir.resolve(version + EXTENSION))) {
            throw new IOException("no sentiment model " + version + " in " + dir);
        }
        Files.writeString(dir.resolve("ACTIVE"), version + "\n", StandardCharsets.UTF_8);
    }

    /** No active model: the built-in rules alone (stored versions are kept). */
    public void deactivate() throws IOException {
        Files.deleteIfExists(dir.resolve("ACTIVE"));
    }

    public Optional<String> activeVersion() throws IOException {
        Path active = dir.resolve("ACTIVE");
        if (!Files.exists(active)) {
            return Optional.empty();
        }
        String v = Files.readString(active, StandardCharsets.UTF_8).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public Optional<LinearSentimentModel> loadActive() throws IOException {
        Optional<String> v = activeVersion();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(LinearSentimentModel.load(dir.resolve(v.get() + EXTENSION)));
    }

    /** Every stored model's description, oldest first; unreadable files are skipped (named in the log of the caller). */
    public List<LinearSentimentModel.Info> infos() throws IOException {
        List<LinearSentimentModel.Info> out = new ArrayList<>();
        for (String v : versions()) {
            try {
                out.add(LinearSentimentModel.readInfo(dir.resolve(v + EXTENSION)));
            } catch (IOException e) {
                // a model of an older format or a partial copy: not offered for activation
            }
        }
        return out;
    }

    public List<String> versions() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> out = new ArrayList<>();
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(EXTENSION)).sorted()
                    .forEach(n -> out.add(n.substring(0, n.length() - EXTENSION.length())));
            return out;
        }
    }
}
