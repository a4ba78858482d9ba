package io.koubei.store.elasticsearch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for transient failures: attempt n (0-based) waits
 * {@code min(maxDelay, initialDelay * 2^n)}, scaled by a random factor in [0.5, 1] so retrying writers spread out.
 * After {@code maxRetries} retries the store throws {@link io.koubei.core.store.StoreUnavailableException}.
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {
    /** 6 retries: about 0.1+0.2+0.4+0.8+1.6+3.2 ≈ 3–6 s before giving up (the bus then backs off itself). */
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(5));
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        if (initialDelay == null || maxDelay == null || initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("delays must be >= 0");
        }
    }

    public Duration delay(int attempt) {
        long base = initialDelay.toMillis() << Math.min(attempt, 30);
        long capped = Math.min(maxDelay.toMillis(), base < 0 ? Long.MAX_VALUE : base);
        return Duration.ofMillis((long) (capped * (0.5 + 0.5 * ThreadLocalRandom.current().nextDouble())));
    }
}
