package io.koubei.analysis.signals;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-memory aggregation of items with the store SPI's semantics (multi-valued ASPECT, ASPECT_POLARITY and FLAG
 * count an item once per value; a missing value falls in {@link Dimension#NONE}; buckets sorted by key). Lets
 * bucket-based detectors run on a scanned item list, and tests build tables the way stores do.
 */
public final class ItemBuckets {
    private ItemBuckets() {
    }

    public static BucketTable aggregate(Collection<AnalyzedFeedback> items, List<Dimension> groupBy) {
        Map<List<String>, BucketStats> acc = new TreeMap<>(ItemBuckets::compareKeys);
        for (AnalyzedFeedback f : items) {
            List<List<String>> keys = List.of(List.of());
            for (Dimension d : groupBy) {
                List<List<String>> next = new ArrayList<>();
                for (List<String> prefix : keys) {
                    for (String v : d.values(f)) {
                        List<String> k = new ArrayList<>(prefix);
                        k.add(v);
                        next.add(k);
                    }
                }
                keys = next;
            }
            BucketStats s = BucketStats.of(f);
            for (List<String> k : keys) {
                acc.merge(List.copyOf(k), s, BucketStats::plus);
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        acc.forEach((k, v) -> buckets.add(new Bucket(k, v)));
        return BucketTable.of(groupBy, buckets);
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
