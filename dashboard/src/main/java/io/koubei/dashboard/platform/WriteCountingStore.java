package io.koubei.dashboard.platform;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Verdicts;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.SearchPage;
import io.koubei.core.store.SearchQuery;
import io.koubei.core.store.StoreHealth;
import io.koubei.core.store.UpsertResult;
import io.koubei.core.store.WriteVisibility;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The configured store with a write generation: every write through this process bumps it, so read caches keyed
 * by the generation are invalidated by the write itself (no time-to-live guesswork). Writes made by another
 * process sharing an Elasticsearch cluster are not seen; caches there also expire by age (see {@code ReadCache}).
 *
 * <p>It also measures the writes (docs/operations.md): {@code koubei_store_write_seconds{op,outcome}},
 * {@code koubei_store_write_errors_total{op}} and {@code koubei_store_items_written_total{channel,source}}.
 */
public final class WriteCountingStore implements FeedbackStore {
    /** Distinct sources tagged on the written-items counter; more are counted as {@code other}. */
    static final int MAX_SOURCE_TAGS = 200;
    private final FeedbackStore delegate;
    private final AtomicLong generation = new AtomicLong();
    private final MeterRegistry meters;
    private final Map<String, Counter> written = new ConcurrentHashMap<>();

    public WriteCountingStore(FeedbackStore delegate) {
        this(delegate, null);
    }

    /** @param meters where write latency, errors and written items are recorded; null records nowhere */
    public WriteCountingStore(FeedbackStore delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters == null ? new SimpleMeterRegistry() : meters;
    }

    /** Changes after every write (also after a failed one: it may have been partly applied). */
    public long generation() {
        return generation.get();
    }

    @Override
    public UpsertResult upsert(List<AnalyzedFeedback> batch) {
        UpsertResult r = timed("upsert", () -> delegate.upsert(batch));
        countWritten(batch);
        return r;
    }

    @Override
    public UpsertResult upsert(List<AnalyzedFeedback> batch, WriteVisibility visibility) {
        UpsertResult r = timed("upsert", () -> delegate.upsert(batch, visibility));
        countWritten(batch);
        return r;
    }

    @Override
    public long delete(java.util.Collection<String> ids) {
        return timed("delete", () -> delegate.delete(ids));
    }

    private <T> T timed(String op, Supplier<T> write) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = write.get();
            outcome = "ok";
            return result;
        } catch (RuntimeException | Error e) {
            meters.counter("koubei.store.write.errors", "op", op).increment();
            throw e;
        } finally {
            generation.incrementAndGet();
            Timer.builder("koubei.store.write").description("Store writes (a batch each), by outcome")
                    .tags("op", op, "outcome", outcome).register(meters)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private void countWritten(List<AnalyzedFeedback> batch) {
        for (AnalyzedFeedback f : batch) {
            String channel = f.item().channel() == null ? "unknown" : f.item().channel().wireName();
            String source = f.item().source() == null ? "unknown" : f.item().source();
            String key = channel + "|" + source;
            Counter c = written.get(key);
            if (c == null) {
                if (written.size() >= MAX_SOURCE_TAGS) {
                    source = "other";
                    key = channel + "|other";
                }
                String tagSource = source;
                c = written.computeIfAbsent(key, k -> Counter.builder("koubei.store.items.written")
                        .description("Items written to the store (upserts; re-deliveries count again)")
                        .tags("channel", channel, "source", tagSource).register(meters));
            }
            c.increment();
        }
    }

    @Override
    public void clear() {
        try {
            delegate.clear();
        } finally {
            generation.incrementAndGet();
        }
    }

    @Override
    public int updateVerdicts(Map<String, Verdicts> verdicts) {
        try {
            return delegate.updateVerdicts(verdicts);
        } finally {
            generation.incrementAndGet();
        }
    }

    @Override
    public Optional<AnalyzedFeedback> get(String id) {
        return delegate.get(id);
    }

    @Override
    public List<AnalyzedFeedback> getAll(Collection<String> ids) {
        return delegate.getAll(ids);
    }

    @Override
    public SearchPage search(SearchQuery query) {
        return delegate.search(query);
    }

    @Override
    public long count(FeedbackFilter filter) {
        return delegate.count(filter);
    }

    @Override
    public List<Bucket> aggregate(AggregateQuery query) {
        return delegate.aggregate(query);
    }

    @Override
    public List<io.koubei.core.store.AuthorStats> authorStats(FeedbackFilter filter,
            io.koubei.core.feedback.AuthorMarks marks) {
        return delegate.authorStats(filter, marks);
    }

    @Override
    public void scan(FeedbackFilter filter, Consumer<AnalyzedFeedback> visitor) {
        delegate.scan(filter, visitor);
    }

    @Override
    public StoreHealth check() {
        return delegate.check();
    }

    @Override
    public void close() {
        delegate.close();
    }

    public FeedbackStore delegate() {
        return delegate;
    }
}
