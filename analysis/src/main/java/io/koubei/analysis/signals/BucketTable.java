package io.koubei.analysis.signals;

import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The answer of one {@code AggregateQuery}: its group-by dimensions and buckets. Detectors read bucket
 * keys by dimension through this instead of by position, and say clearly which dimensions they need.
 */
public record BucketTable(List<Dimension> groupBy, List<Bucket> buckets) {

    public BucketTable {
        groupBy = List.copyOf(groupBy);
        buckets = List.copyOf(buckets);
        if (new java.util.HashSet<>(groupBy).size() != groupBy.size()) {
            throw new IllegalArgumentException("group-by dimensions repeat: " + groupBy);
        }
        for (Bucket b : buckets) {
            if (b.key().size() != groupBy.size()) {
                throw new IllegalArgumentException("bucket key " + b.key() + " does not match group-by " + groupBy);
            }
        }
    }

    public static BucketTable of(List<Dimension> groupBy, List<Bucket> buckets) {
        return new BucketTable(groupBy, buckets);
    }

    /** Throws a clear error naming the detector when a needed dimension is missing. */
    public BucketTable require(String who, Dimension... needed) {
        for (Dimension d : needed) {
            if (!groupBy.contains(d)) {
                throw new IllegalArgumentException(who + " needs buckets grouped by " + List.of(needed)
                        + " but got " + groupBy);
            }
        }
        return this;
    }

    public boolean has(Dimension d) {
        return groupBy.contains(d);
    }

    /** The bucket's key value for a dimension. */
    public String value(Bucket b, Dimension d) {
        int i = groupBy.indexOf(d);
        if (i < 0) {
            throw new IllegalArgumentException("not grouped by " + d + ": " + groupBy);
        }
        return b.key().get(i);
    }

    /** Distinct values of one dimension, in bucket order. */
    public Set<String> values(Dimension d) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Bucket b : buckets) {
            out.add(value(b, d));
        }
        return out;
    }

    /** Buckets matching a predicate. */
    public List<Bucket> where(Predicate<Bucket> p) {
        return buckets.stream().filter(p).toList();
    }

    /** Sum of the stats of the buckets whose value for {@code d} equals {@code value}, per value of {@code by}. */
    public Map<String, BucketStats> sumBy(Dimension by, Predicate<Bucket> filter) {
        Map<String, BucketStats> out = new LinkedHashMap<>();
        for (Bucket b : buckets) {
            if (filter.test(b)) {
                out.merge(value(b, by), b.stats(), BucketStats::plus);
            }
        }
        return out;
    }

    /**
     * The same counts with one dimension's values mapped (e.g. channel → department); buckets that map to the
     * same key are summed.
     */
    public BucketTable mapValues(Dimension d, java.util.function.UnaryOperator<String> f) {
        int i = groupBy.indexOf(d);
        if (i < 0) {
            throw new IllegalArgumentException("not grouped by " + d + ": " + groupBy);
        }
        Map<List<String>, BucketStats> acc = new LinkedHashMap<>();
        for (Bucket b : buckets) {
            List<String> key = new java.util.ArrayList<>(b.key());
            key.set(i, f.apply(key.get(i)));
            acc.merge(List.copyOf(key), b.stats(), BucketStats::plus);
        }
        List<Bucket> out = new java.util.ArrayList<>();
        acc.forEach((k, v) -> out.add(new Bucket(k, v)));
        return new BucketTable(groupBy, out);
    }

    /** Predicate: the bucket's value for {@code d} equals {@code value}. */
    public Predicate<Bucket> eq(Dimension d, String value) {
        int i = groupBy.indexOf(d);
        if (i < 0) {
            throw new IllegalArgumentException("not grouped by " + d + ": " + groupBy);
        }
        return b -> Objects.equals(b.key().get(i), value);
    }
}
