package io.koubei.ingest.kafka;

import java.time.Duration;

/** Exponential wait between retries while the store is down: initial, doubled per failure, capped. Not thread-safe. */
final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = initialMillis;
    }

    /** The wait before the next retry; each call doubles the following one, up to the cap. */
    long nextMillis() {
        long current = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return current;
    }

    void reset() {
        nextMillis = initialMillis;
    }
}
