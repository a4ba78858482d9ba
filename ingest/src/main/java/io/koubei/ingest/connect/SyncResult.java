package io.koubei.ingest.connect;

import java.util.List;
import java.util.Locale;

/**
 * One run of one source.
 *
 * @param problems the first rejections and warnings, {@code source:record: field: reason}
 * @param cursor   the cursor after the run (unchanged when nothing was acknowledged)
 * @param error    why the run stopped, null when it finished
 */
public record SyncResult(String source, String type, int pages, long fetched, long created, long updated,
                         long rejected, long warnings, List<String> problems, String cursor, String error) {

    public SyncResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return error == null;
    }

    /** One line for the CLI and logs. */
    public String describe() {
        return String.format(Locale.ROOT, "%s (%s): %s%d fetched, %d new, %d updated, %d rejected, %d warnings, next cursor %s%s",
                source, type, ok() ? "" : "FAILED, ", fetched, created, updated, rejected, warnings,
                cursor == null ? "(none)" : cursor, ok() ? "" : ": " + error);
    }
}
