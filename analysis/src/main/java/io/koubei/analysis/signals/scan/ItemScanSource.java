package io.koubei.analysis.signals.scan;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.ItemBuckets;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Verdicts;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@link ScanSource} over an item list: aggregates with {@link ItemBuckets}, filters with {@link ItemFilter}. */
final class ItemScanSource implements ScanSource {
    private static final Comparator<AnalyzedFeedback> OLDEST_FIRST =
            Comparator.comparing((AnalyzedFeedback f) -> f.item().createdAt()).thenComparing(AnalyzedFeedback::id);

    private final List<AnalyzedFeedback> items;
    private final Map<String, Integer> positions = new HashMap<>();

    ItemScanSource(Collection<AnalyzedFeedback> items) {
        this.items = new ArrayList<>(items);
        for (int i = 0; i < this.items.size(); i++) {
            positions.putIfAbsent(this.items.get(i).id(), i);
        }
    }

    @Override
    public BucketTable aggregate(FeedbackFilter filter, List<Dimension> groupBy) {
        return ItemBuckets.aggregate(select(filter), groupBy);
    }

    @Override
    public void scan(FeedbackFilter filter, Consumer<AnalyzedFeedback> visitor) {
        List<AnalyzedFeedback> out = select(filter);
        out.sort(OLDEST_FIRST);
        out.forEach(visitor);
    }

    private List<AnalyzedFeedback> select(FeedbackFilter filter) {
        List<AnalyzedFeedback> out = new ArrayList<>();
        for (AnalyzedFeedback f : items) {
            if (ItemFilter.matches(filter, f)) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public int updateVerdicts(Map<String, Verdicts> verdicts) {
        int n = 0;
        for (Map.Entry<String, Verdicts> e : verdicts.entrySet()) {
            Integer i = positions.get(e.getKey());
            if (i != null) {
                items.set(i, items.get(i).withVerdicts(e.getValue()));
                n++;
            }
        }
        return n;
    }
}
