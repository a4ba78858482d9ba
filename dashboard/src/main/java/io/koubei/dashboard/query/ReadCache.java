package io.koubei.dashboard.query;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A small LRU of read results (overview, facet values) keyed by what was asked. An entry is valid while the store's
 * write generation is unchanged, and at most {@code maxAge} old (writes by other processes, e.g. a shared
 * Elasticsearch cluster, are not counted). Size 0 disables it.
 */
public final class ReadCache {
    private record Entry(Object value, long generation, long createdNanos) {
    }

    private final int size;
    private final long maxAgeNanos;
    private final LongSupplier generation;
    private final Map<Object, Entry> entries;

    public ReadCache(int size, Duration maxAge, LongSupplier generation) {
        this.size = size;
        this.maxAgeNanos = maxAge.toNanos();
        this.generation = generation;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
                return size() > ReadCache.this.size;
            }
        };
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        if (size <= 0) {
            return compute.get();
        }
        long gen = generation.getAsLong();
        long now = System.nanoTime();
        synchronized (entries) {
            Entry e = entries.get(key);
            if (e != null && e.generation() == gen && now - e.createdNanos() < maxAgeNanos) {
                return (T) e.value();
            }
        }
        T value = compute.get(); // outside the lock: concurrent misses compute twice rather than wait
        synchronized (entries) {
            entries.put(key, new Entry(value, gen, now));
        }
        return value;
    }
}
