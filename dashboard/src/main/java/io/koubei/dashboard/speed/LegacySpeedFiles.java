package io.koubei.dashboard.speed;

import io.koubei.core.state.StateCollection;
import io.koubei.core.state.VersionConflictException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The JSONL files an earlier version kept under {@code <data-dir>/speed/}, imported into the state store once. A
 * marker document in the collection records the import; the file stays where it is (an older version started on
 * this data directory still finds it), and is never read again while the marker is there.
 */
final class LegacySpeedFiles {
    /** The marker of a collection whose old file was imported (the first node's copy wins, as for settings). */
    static final String IMPORTED = "_imported";

    private LegacySpeedFiles() {
    }

    /**
     * Feeds the file's non-blank lines to {@code importLines} unless the marker {@code markerId} exists, then writes
     * the marker. A node that stops half-way imports again on its next start; the importers are idempotent.
     */
    static void importOnce(StateCollection into, String markerId, Path file, Consumer<List<String>> importLines) {
        if (!Files.exists(file) || into.get(markerId).isPresent()) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to import it into the state store", e);
        }
        importLines.accept(lines);
        try {
            into.put(markerId, "{\"file\":" + LifecycleEventStore.JSON.writeValueAsString(file.getFileName().toString())
                    + ",\"lines\":" + lines.size() + "}", StateCollection.ABSENT);
        } catch (VersionConflictException e) {
            // another node finished an import of the same first
        }
    }

    /** A marker for files whose records merge (events): one per file content, so every node's old file is imported. */
    static String contentMarker(Path file) {
        if (!Files.exists(file)) {
            return IMPORTED;
        }
        try {
            return IMPORTED + "-" + StateIds.hashed(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).substring(2, 34);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
