package io.koubei.ingest.connect;

import java.time.Duration;

/**
 * How often a page is tried and how long the runner waits in between: {@code initialBackoff} doubling up to
 * {@code maxBackoff} for transient failures; what the vendor asked ({@code Retry-After}) for rate limits, unless it
 * is longer than {@code maxRetryAfter} (then the run stops and the next scheduled run goes on from the cursor).
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(15));
    }

    /** The wait before attempt {@code attempt + 1} after a transient failure of attempt {@code attempt} (1-based). */
    public Duration backoff(int attempt) {
        Duration d = initialBackoff;
        for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
