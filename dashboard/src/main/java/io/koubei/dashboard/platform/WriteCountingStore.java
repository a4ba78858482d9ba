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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The configured store with a write generation: every write through this process bumps it, so read caches keyed
 * by the generation are invalidated by the write itself (no time-to-live guesswork). Writes made by another
 * process sharing an Elasticsearch cluster are not seen; caches there also expire by age (see {@code ReadCache}).
 */
public final class WriteCountingStore implements FeedbackStore {
    private final FeedbackStore delegate;
    private final AtomicLong generation = new AtomicLong();

    public WriteCountingStore(FeedbackStore delegate) {
        this.delegate = delegate;
    }

    /** Changes after every write (also after a failed one: it may have been partly applied). */
    public long generation() {
        return generation.get();
    }

    @Override
    public UpsertResult upsert(List<AnalyzedFeedback> batch) {
        try {
            return delegate.upsert(batch);
        } finally {
            generation.incrementAndGet();
        }
    }

    @Override
    public UpsertResult upsert(List<AnalyzedFeedback> batch, WriteVisibility visibility) {
        try {
            return delegate.upsert(batch, visibility);
        } finally {
            generation.incrementAndGet();
        }
    }

    @Override
    public long delete(java.util.Collection<String> ids) {
        try {
            return delegate.delete(ids);
        } finally {
            generation.incrementAndGet();
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
