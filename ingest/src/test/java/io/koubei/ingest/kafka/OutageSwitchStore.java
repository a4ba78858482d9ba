package io.koubei.ingest.kafka;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Verdicts;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.SearchPage;
import io.koubei.core.store.SearchQuery;
import io.koubei.core.store.StoreHealth;
import io.koubei.core.store.StoreUnavailableException;
import io.koubei.core.store.UpsertResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Puts any real store behind a switch: while "down", writes fail exactly as a store that lost its backend does
 * (StoreUnavailableException). Reads stay open so a test can look at what got in.
 */
final class OutageSwitchStore implements FeedbackStore {
    private final FeedbackStore delegate;
    private volatile boolean down;
    private final AtomicLong refusedWrites = new AtomicLong();
    private final AtomicLong acceptedWrites = new AtomicLong();

    OutageSwitchStore(FeedbackStore delegate) {
        this.delegate = delegate;
    }

    void goDown() {
        down = true;
    }

    void comeBack() {
        down = false;
    }

    /** Upsert calls refused while down. */
    long refusedWrites() {
        return refusedWrites.get();
    }

    /** Items written (a redelivered item counts again). */
    long acceptedWrites() {
        return acceptedWrites.get();
    }

    @Override
    public UpsertResult upsert(List<AnalyzedFeedback> batch) {
        if (down) {
            refusedWrites.incrementAndGet();
            throw new StoreUnavailableException("test outage: store switched off");
        }
        UpsertResult r = delegate.upsert(batch);
        acceptedWrites.addAndGet(batch.size());
        return r;
    }

    @Override
    public int updateVerdicts(Map<String, Verdicts> verdicts) {
        if (down) {
            refusedWrites.incrementAndGet();
            throw new StoreUnavailableException("test outage: store switched off");
        }
        return delegate.updateVerdicts(verdicts);
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
    public void scan(FeedbackFilter filter, Consumer<AnalyzedFeedback> visitor) {
        delegate.scan(filter, visitor);
    }

    @Override
    public long delete(java.util.Collection<String> ids) {
        return delegate.delete(ids);
    }

    @Override
    public void clear() {
        delegate.clear();
    }

    @Override
    public StoreHealth check() {
        return down ? new StoreHealth("switched", false, "test outage") : delegate.check();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
