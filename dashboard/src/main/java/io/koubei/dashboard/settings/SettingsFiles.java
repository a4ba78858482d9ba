package io.koubei.dashboard.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where settings live in the data directory, and atomic writes (temporary file, then rename) so a crash never
 * leaves a half-written file for the analyzer or the detectors to trip over.
 */
public final class SettingsFiles {
    private final Path dataDir;
    private final JsonMapper json = JsonMapper.builder().build();

    public SettingsFiles(Path dataDir) {
        this.dataDir = dataDir;
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

    public Optional<String> readText(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public <T> Optional<T> readJson(String name, Class<T> type) {
        Path file = settings(name);
        return readText(file).map(text -> {
            try {
                return json.readValue(text, type);
            } catch (RuntimeException e) {
                throw new IllegalStateException("settings file " + file + " is not valid: " + e.getMessage(), e);
            }
        });
    }

    public void writeJson(String name, Object value) {
        writeText(settings(name), json.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }

    public void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
