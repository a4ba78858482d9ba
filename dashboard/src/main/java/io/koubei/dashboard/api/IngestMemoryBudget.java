package io.koubei.dashboard.api;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many request bodies the ingest API parses at once, in MiB: a body is held in memory while it is parsed (a
 * 15 MB NDJSON body takes several times that as items), so without a bound eight concurrent large requests took the
 * heap to its ceiling. A request whose share does not fit within {@code wait} is answered 503 with Retry-After.
 */
final class IngestMemoryBudget {
    private static final long MIB = 1024 * 1024;

    private final Semaphore mib;
    private final int total;

    IngestMemoryBudget(int totalMib) {
        this.total = Math.max(1, totalMib);
        this.mib = new Semaphore(total, true);
    }

    /** The MiB a body of this declared length takes from the budget (the largest allowed body when unknown). */
    int share(long contentLength, int maxBodyBytes) {
        long bytes = contentLength < 0 ? maxBodyBytes : Math.min(contentLength, maxBodyBytes);
        return (int) Math.min(total, Math.max(1, (bytes + MIB - 1) / MIB));
    }

    boolean tryAcquire(int share, long waitMillis) throws InterruptedException {
        return mib.tryAcquire(share, waitMillis, TimeUnit.MILLISECONDS);
    }

    void release(int share) {
        mib.release(share);
    }
}
