package io.koubei.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the embedded state store keeps on disk for a collection: its snapshot and its journal, as one text. */
public final class StateOnDisk {
    private StateOnDisk() {
    }

    public static String text(Path dataDir, String collection) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String suffix : new String[] {".json", ".journal"}) {
            Path file = dataDir.resolve("state").resolve(collection + suffix);
            if (Files.exists(file)) {
                out.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no state on disk for " + collection + " in " + dataDir);
        }
        return out.toString();
    }
}
