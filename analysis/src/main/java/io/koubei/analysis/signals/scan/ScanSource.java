package io.koubei.analysis.signals.scan;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Verdicts;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the weekly detector scan reads from: bucket counts for a filter (the bulk of every detector) and a bounded item
 * read (astroturf and cocoon on the judged week and the week before, a few evidence ids). Two implementations answer
 * the same questions with the store SPI's semantics: {@link #ofItems} over an item list (pure unit tests) and
 * {@link #ofStore} over a {@link FeedbackStore} (its aggregations), so the scan's cost grows with buckets, not items.
 */
public interface ScanSource {

    /**
     * Counts of the filtered items grouped by up to three dimensions (store semantics: multi-valued dimensions count
     * an item once per value, a missing value is {@link Dimension#NONE}, buckets sorted by key). No group-by: one
     * bucket or none.
     */
    BucketTable aggregate(FeedbackFilter filter, List<Dimension> groupBy);

    /** Visits the matching items, oldest first. For bounded reads only: callers keep what they need, not the items. */
    void scan(FeedbackFilter filter, Consumer<AnalyzedFeedback> visitor);

    /**
     * Replaces the verdicts of these items; the next {@link #aggregate} and {@link #scan} see them (e.g. an
     * {@code excludeFlags=astroturf} filter skips items just flagged).
     *
     * @return how many items the update reached
     */
    int updateVerdicts(Map<String, Verdicts> verdicts);

    /** An in-memory source over these items; verdict updates change only this source's view, never the items. */
    static ScanSource ofItems(Collection<AnalyzedFeedback> items) {
        return new ItemScanSource(items);
    }

    /** A source reading the store's aggregations; verdict updates are written to the store. */
    static ScanSource ofStore(FeedbackStore store) {
        return new StoreScanSource(store);
    }
}
