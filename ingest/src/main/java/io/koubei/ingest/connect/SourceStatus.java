package io.koubei.ingest.connect;

/**
 * What Koubei knows about one source, kept in the shared state (collection {@code sources}, one document per source
 * name): the cursor the next fetch starts from and the outcome of the last run. No setting and no secret is kept.
 * Times are ISO-8601 instants, null when never.
 *
 * @param cursor              the connector's cursor after the last acknowledged page, null before the first one
 * @param lastRunAt           when the last run started
 * @param lastSuccessAt       when a run last finished without error
 * @param lastFinishedAt      when the last run ended
 * @param fetched             records read by the last run
 * @param created             of those, new items
 * @param updated             of those, items that were already stored (same id)
 * @param rejected            records the validation rejected
 * @param warnings            optional fields normalised or dropped
 * @param lastError           the last run's error, null when it succeeded
 * @param consecutiveFailures failed runs in a row (0 after a success)
 * @param totalCreated        new items over all runs
 */
public record SourceStatus(String name, String type, String cursor, String lastRunAt, String lastSuccessAt,
                           String lastFinishedAt, long fetched, long created, long updated, long rejected, long warnings,
                           String lastError, int consecutiveFailures, long totalCreated) {

    public static SourceStatus fresh(String name, String type) {
        return new SourceStatus(name, type, null, null, null, null, 0, 0, 0, 0, 0, null, 0, 0);
    }

    public SourceStatus withCursor(String v) {
        return new SourceStatus(name, type, v, lastRunAt, lastSuccessAt, lastFinishedAt, fetched, created, updated,
                rejected, warnings, lastError, consecutiveFailures, totalCreated);
    }

    public SourceStatus started(String type, String at) {
        return new SourceStatus(name, type, cursor, at, lastSuccessAt, lastFinishedAt, fetched, created, updated,
                rejected, warnings, lastError, consecutiveFailures, totalCreated);
    }

    /** The outcome of a run (the cursor was saved page by page already). */
    public SourceStatus finished(SyncResult r, String at) {
        boolean ok = r.error() == null;
        return new SourceStatus(name, type, cursor, lastRunAt, ok ? at : lastSuccessAt, at, r.fetched(), r.created(),
                r.updated(), r.rejected(), r.warnings(), r.error(), ok ? 0 : consecutiveFailures + 1,
                totalCreated + r.created());
    }

    public boolean failing() {
        return lastError != null;
    }
}
