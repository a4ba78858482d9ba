package io.koubei.ingest.kafka;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.SearchPage;
import io.koubei.core.store.SearchQuery;
import io.koubei.core.store.StoreHealth;
import io.koubei.core.store.UpsertResult;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A store keyed by id in memory, enough for what the bus tests read back (upsert, get, count of all or by ids).
 * Search and aggregation belong to the real stores' contract suite, not here. Replaced by the embedded Lucene
 * store once that is on main.
 */
final class MapFeedbackStore implements FeedbackStore {
    private final ConcurrentHashMap<String, AnalyzedFeedback> items = new ConcurrentHashMap<>();

    @Override
    public UpsertResult upsert(List<AnalyzedFeedback> batch) {
        int created = 0;
        int updated = 0;
        for (AnalyzedFeedback f : batch) {
            if (items.put(f.id(), f) == null) {
                created++;
            } else {
                updated++;
            }
        }
        return new UpsertResult(created, updated);
    }

    @Override
    public Optional<AnalyzedFeedback> get(String id) {
        return Optional.ofNullable(items.get(id));
    }

    @Override
    public List<AnalyzedFeedback> getAll(Collection<String> ids) {
        return ids.stream().map(items::get).filter(Objects::nonNull).toList();
    }

    @Override
    public SearchPage search(SearchQuery query) {
        throw new UnsupportedOperationException("MapFeedbackStore serves the bus tests only: no search");
    }

    @Override
    public long count(FeedbackFilter filter) {
        if (filter.equals(FeedbackFilter.ALL)) {
            return items.size();
        }
        if (filter.equals(FeedbackFilter.builder().ids(filter.ids()).build())) {
            return filter.ids().stream().filter(items::containsKey).count();
        }
        throw new UnsupportedOperationException("MapFeedbackStore counts all items or items by id only");
    }

    @Override
    public List<Bucket> aggregate(AggregateQuery query) {
        throw new UnsupportedOperationException("MapFeedbackStore serves the bus tests only: no aggregation");
    }

    @Override
    public void scan(FeedbackFilter filter, Consumer<AnalyzedFeedback> visitor) {
        if (!filter.equals(FeedbackFilter.ALL)) {
            throw new UnsupportedOperationException("MapFeedbackStore scans everything only");
        }
        items.values().stream()
                .sorted(Comparator.comparing((AnalyzedFeedback f) -> f.item().createdAt()).thenComparing(AnalyzedFeedback::id))
                .forEach(visitor);
    }

    @Override
    public void clear() {
        items.clear();
    }

    @Override
    public StoreHealth check() {
        return new StoreHealth("map", true, items.size() + " items");
    }

    @Override
    public void close() {
    }
}
