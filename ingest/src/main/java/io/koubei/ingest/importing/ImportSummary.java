package io.koubei.ingest.importing;

import io.koubei.ingest.format.Rejection;
import io.koubei.ingest.format.Warning;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of one import.
 *
 * @param source            file name (or {@code <request>})
 * @param read              rows read, valid or not
 * @param accepted          items the bus acknowledged
 * @param created           of those, new items ({@code stored} only)
 * @param updated           of those, items that replaced an existing one (same id)
 * @param deadLettered      acknowledged items the pipeline gave up on (see the bus's dead letters)
 * @param rejected          rows rejected by validation
 * @param rejections        their reasons, {@code file:line: field: reason}, at most {@code maxRejectionsKept}
 * @param rejectionsOmitted reasons not kept in {@code rejections} (only counted)
 * @param warned            rows that landed with at least one warning (an optional field normalised or dropped);
 *                          counted apart from rejections: these rows are among {@code accepted}
 * @param warnings          the warnings, {@code file:line: field: what was done}, at most {@code maxRejectionsKept}
 * @param warningsOmitted   warnings not kept in {@code warnings} (only counted)
 * @param encoding          the text encoding the file was read in (detected or given), or null (workbooks, requests)
 * @param stored            true when the bus reported stored counts (in-process), false when it only queued (Kafka)
 * @param elapsed           wall time
 * @param abortedReason     null when the whole input was processed; else why the import stopped and from where
 */
public record ImportSummary(String source, long read, long accepted, long created, long updated, long deadLettered,
                            long rejected, List<Rejection> rejections, long rejectionsOmitted, long warned,
                            List<Warning> warnings, long warningsOmitted, String encoding, boolean stored,
                            Duration elapsed, String abortedReason) {

    public ImportSummary {
        rejections = List.copyOf(rejections);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Every warning, kept or only counted. */
    public long warningCount() {
        return warnings.size() + warningsOmitted;
    }

    public boolean complete() {
        return abortedReason == null;
    }

    /** One line for the CLI and logs. */
    public String describe() {
        String counts = stored
                ? String.format(Locale.ROOT, "%,d created, %,d updated", created, updated)
                : "published to the bus, not yet stored";
        String enc = encoding == null || encoding.equals("UTF-8") ? "" : " [read as " + encoding + "]";
        String warn = warned == 0 ? "" : String.format(Locale.ROOT, ", %,d landed with warnings (%,d warnings)", warned, warningCount());
        return String.format(Locale.ROOT, "%s%s: %,d rows read, %,d accepted (%s), %,d rejected%s%s in %.1f s%s", source, enc, read, accepted,
                counts, rejected, warn, deadLettered > 0 ? String.format(Locale.ROOT, ", %,d dead-lettered", deadLettered) : "",
                elapsed.toMillis() / 1000.0, abortedReason == null ? "" : "; STOPPED: " + abortedReason);
    }
}
