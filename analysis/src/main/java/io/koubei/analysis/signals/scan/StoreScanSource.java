package io.koubei.analysis.signals.scan;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Verdicts;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link ScanSource} over a {@link FeedbackStore}: aggregates are the store's, verdict updates are the store's partial
 * updates (durable and visible to reads on return, as the SPI promises for both stores).
 */
final class StoreScanSource implements ScanSource {
    private static final int WRITE_BATCH = 1000;
    private final FeedbackStore store;

    StoreScanSource(FeedbackStore store) {
        this.store = store;
    }

    @Override
    public BucketTable aggregate(FeedbackFilter filter, List<Dimension> groupBy) {
        return BucketTable.of(groupBy, store.aggregate(new AggregateQuery(filter, groupBy)));
    }

    @Override
    public void scan(FeedbackFilter filter, Consumer<AnalyzedFeedback> visitor) {
        store.scan(filter, visitor);
    }

    @Override
    public int updateVerdicts(Map<String, Verdicts> verdicts) {
        List<String> ids = new ArrayList<>(verdicts.keySet());
        int n = 0;
        for (int i = 0; i < ids.size(); i += WRITE_BATCH) {
            Map<String, Verdicts> batch = new LinkedHashMap<>();
            ids.subList(i, Math.min(ids.size(), i + WRITE_BATCH)).forEach(id -> batch.put(id, verdicts.get(id)));
            n += store.updateVerdicts(batch);
        }
        return n;
    }
}
