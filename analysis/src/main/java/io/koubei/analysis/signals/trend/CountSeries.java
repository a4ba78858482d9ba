package io.koubei.analysis.signals.trend;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Counts of one series per period. A period absent from {@code counts} counted zero (stores return no
 * bucket for an empty week, and an empty week is exactly what silence detection must see).
 *
 * @param exampleIds per period, ids of (some of) the items counted, when built from items
 */
public record CountSeries(SeriesKey key, PeriodUnit unit, Map<String, Long> counts, Map<String, List<String>> exampleIds) {
    /** At most this many ids are kept per period. */
    public static final int MAX_IDS_PER_PERIOD = 200;

    public CountSeries {
        counts = new TreeMap<>(counts);
        exampleIds = exampleIds == null ? Map.of() : Map.copyOf(exampleIds);
    }

    public long count(String period) {
        return counts.getOrDefault(period, 0L);
    }

    public List<String> ids(String period) {
        return exampleIds.getOrDefault(period, List.of());
    }

    /**
     * Series from buckets grouped by a period dimension (WEEK or DAY) and any of CHANNEL, SOURCE, ASPECT,
     * ASPECT_POLARITY, PRODUCT, SEGMENT. ASPECT_POLARITY {@code battery:negative} becomes aspect
     * {@code battery} with measure {@code <measure>:negative}; SEGMENT is appended to the measure too.
     *
     * @param product the product when the query filtered on one product (PRODUCT not grouped), else null
     * @param count   what to count from a bucket, e.g. {@code BucketStats::count} or {@code BucketStats::negative}
     */
    public static List<CountSeries> fromBuckets(BucketTable table, PeriodUnit unit, String measure, String product,
            ToLongFunction<BucketStats> count) {
        Dimension periodDim = unit == PeriodUnit.WEEK ? Dimension.WEEK : Dimension.DAY;
        table.require("CountSeries.fromBuckets", periodDim);
        Map<SeriesKey, Map<String, Long>> acc = new LinkedHashMap<>();
        for (Bucket b : table.buckets()) {
            Channel channel = table.has(Dimension.CHANNEL)
                    ? Channel.fromWire(table.value(b, Dimension.CHANNEL)).orElse(null) : null;
            String aspect = table.has(Dimension.ASPECT) ? table.value(b, Dimension.ASPECT) : null;
            String m = measure;
            if (table.has(Dimension.ASPECT_POLARITY)) {
                String ap = table.value(b, Dimension.ASPECT_POLARITY);
                int colon = ap.lastIndexOf(':');
                aspect = colon < 0 ? ap : ap.substring(0, colon);
                m = colon < 0 ? m : m + ":" + ap.substring(colon + 1);
            }
            if (table.has(Dimension.SEGMENT)) {
                m = m + ":" + table.value(b, Dimension.SEGMENT);
            }
            String source = table.has(Dimension.SOURCE) ? table.value(b, Dimension.SOURCE) : null;
            String p = table.has(Dimension.PRODUCT) ? table.value(b, Dimension.PRODUCT) : product;
            if (Dimension.NONE.equals(aspect)) {
                aspect = null;
            }
            SeriesKey key = new SeriesKey(channel, source, aspect, Dimension.NONE.equals(p) ? null : p, m);
            acc.computeIfAbsent(key, k -> new TreeMap<>())
                    .merge(table.value(b, periodDim), count.applyAsLong(b.stats()), Long::sum);
        }
        List<CountSeries> out = new ArrayList<>();
        acc.forEach((k, v) -> out.add(new CountSeries(k, unit, v, Map.of())));
        return out;
    }

    /**
     * Series from buckets grouped by a period dimension (WEEK or DAY): {@code key} names the series a bucket counts in
     * (null: the bucket is skipped), {@code count} what it adds. Buckets naming the same series and period are summed.
     * No example ids: evidence of bucket-based series is found by the signal's drill-down filter.
     */
    public static List<CountSeries> fromTable(BucketTable table, PeriodUnit unit, Function<Bucket, SeriesKey> key,
            ToLongFunction<BucketStats> count) {
        Dimension periodDim = unit == PeriodUnit.WEEK ? Dimension.WEEK : Dimension.DAY;
        table.require("CountSeries.fromTable", periodDim);
        Map<SeriesKey, Map<String, Long>> acc = new LinkedHashMap<>();
        for (Bucket b : table.buckets()) {
            SeriesKey k = key.apply(b);
            if (k != null) {
                acc.computeIfAbsent(k, x -> new TreeMap<>())
                        .merge(table.value(b, periodDim), count.applyAsLong(b.stats()), Long::sum);
            }
        }
        List<CountSeries> out = new ArrayList<>();
        acc.forEach((k, v) -> out.add(new CountSeries(k, unit, v, Map.of())));
        return out;
    }

    /**
     * Series from items: each item counts once in every series {@code keys} assigns it to (none: skipped).
     * Keeps the ids so alerts can drill down to the very items.
     */
    public static List<CountSeries> fromItems(Collection<AnalyzedFeedback> items, PeriodUnit unit,
            Function<AnalyzedFeedback, Collection<SeriesKey>> keys) {
        Map<SeriesKey, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<SeriesKey, Map<String, List<String>>> ids = new LinkedHashMap<>();
        for (AnalyzedFeedback f : items) {
            String period = unit.keyOf(f);
            for (SeriesKey k : keys.apply(f)) {
                counts.computeIfAbsent(k, x -> new TreeMap<>()).merge(period, 1L, Long::sum);
                List<String> l = ids.computeIfAbsent(k, x -> new TreeMap<>()).computeIfAbsent(period, x -> new ArrayList<>());
                if (l.size() < MAX_IDS_PER_PERIOD) {
                    l.add(f.id());
                }
            }
        }
        List<CountSeries> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new CountSeries(k, unit, v, ids.get(k))));
        return out;
    }
}
