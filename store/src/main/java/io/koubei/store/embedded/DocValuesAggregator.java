package io.koubei.store.embedded;

import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.NumericUtils;

/**
 * Exact grouped counts straight from doc values: per segment, each matching document's ordinals are combined
 * into a bucket number and summed there; ordinals become strings only once per bucket and segment. No stored
 * JSON is read, so an overview over a million items costs a few doc-value reads per item.
 */
final class DocValuesAggregator {
    /** Up to this many ordinal combinations per segment, buckets live in an array; beyond it, in a hash map. */
    private static final long DENSE_LIMIT = 1 << 20;

    static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private DocValuesAggregator() {
    }

    static List<Bucket> aggregate(IndexSearcher searcher, Query query, List<Dimension> groupBy) throws IOException {
        Map<List<String>, Counts> merged = new HashMap<>();
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                new SegmentPass(leaf.reader(), groupBy).run(scorer.iterator(), merged);
            }
        }
        if (groupBy.isEmpty() && merged.isEmpty()) {
            return List.of(new Bucket(List.of(), BucketStats.ZERO));
        }
        List<Bucket> buckets = new ArrayList<>(merged.size());
        merged.forEach((key, counts) -> buckets.add(new Bucket(key, counts.toStats())));
        buckets.sort(Comparator.comparing(Bucket::key, KEY_ORDER));
        return buckets;
    }

    /** One segment: ordinals of every dimension, combined in mixed radix (ordinal 0 = no value). */
    private static final class SegmentPass {
        private final LeafReader reader;
        private final DimensionValues[] dims;
        private final long[] radix;
        private final NumericDocValues stats;
        private final NumericDocValues rating;
        private final Counts[] dense;
        private final Map<Long, Counts> sparse;

        SegmentPass(LeafReader reader, List<Dimension> groupBy) throws IOException {
            this.reader = reader;
            this.dims = new DimensionValues[groupBy.size()];
            this.radix = new long[groupBy.size()];
            long combinations = 1;
            for (int i = 0; i < dims.length; i++) {
                dims[i] = DimensionValues.open(reader, groupBy.get(i));
                radix[i] = dims[i].valueCount() + 1;
                combinations = saturatedMultiply(combinations, radix[i]);
            }
            this.stats = DocValues.getNumeric(reader, IndexFields.STATS);
            this.rating = DocValues.getNumeric(reader, IndexFields.RATING);
            if (combinations <= DENSE_LIMIT) {
                dense = new Counts[(int) combinations];
                sparse = null;
            } else if (combinations < Long.MAX_VALUE) {
                dense = null;
                sparse = new HashMap<>();
            } else {
                throw new IllegalArgumentException("too many distinct values to group by " + groupBy);
            }
        }

        void run(DocIdSetIterator docs, Map<List<String>, Counts> merged) throws IOException {
            Bits live = reader.getLiveDocs();
            int[][] ords = new int[dims.length][];
            int[] counts = new int[dims.length];
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                long code = stats.advanceExact(doc) ? stats.longValue() : 0;
                RatingScale scale = StatsCode.scale(code);
                double ratingValue = 0;
                if ((scale == RatingScale.STARS || scale == RatingScale.CSAT) && rating.advanceExact(doc)) {
                    ratingValue = NumericUtils.sortableLongToDouble(rating.longValue());
                }
                for (int i = 0; i < dims.length; i++) {
                    ords[i] = dims[i].ordinals(doc);
                    counts[i] = dims[i].count();
                }
                addCombinations(0, 0L, ords, counts, code, scale, ratingValue);
            }
            flush(merged);
        }

        private void addCombinations(int dim, long bucket, int[][] ords, int[] counts, long code, RatingScale scale,
                                     double ratingValue) {
            if (dim == dims.length) {
                counts(bucket).add(code, scale, ratingValue);
                return;
            }
            for (int j = 0; j < counts[dim]; j++) {
                addCombinations(dim + 1, bucket * radix[dim] + ords[dim][j], ords, counts, code, scale, ratingValue);
            }
        }

        private Counts counts(long bucket) {
            if (dense != null) {
                Counts c = dense[(int) bucket];
                if (c == null) {
                    c = dense[(int) bucket] = new Counts();
                }
                return c;
            }
            return sparse.computeIfAbsent(bucket, k -> new Counts());
        }

        private void flush(Map<List<String>, Counts> merged) throws IOException {
            if (dense != null) {
                for (int b = 0; b < dense.length; b++) {
                    if (dense[b] != null) {
                        merged.merge(key(b), dense[b], Counts::plus);
                    }
                }
            } else {
                for (Map.Entry<Long, Counts> e : sparse.entrySet()) {
                    merged.merge(key(e.getKey()), e.getValue(), Counts::plus);
                }
            }
        }

        private List<String> key(long bucket) throws IOException {
            String[] key = new String[dims.length];
            for (int i = dims.length - 1; i >= 0; i--) {
                key[i] = dims[i].label((int) (bucket % radix[i]));
                bucket /= radix[i];
            }
            return Arrays.asList(key);
        }

        private static long saturatedMultiply(long a, long b) {
            try {
                return Math.multiplyExact(a, b);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
    }

    /** The ordinals (1-based; 0 = no value) one document has for one dimension in one segment. */
    private abstract static class DimensionValues {
        protected int[] ords = new int[4];
        protected int count;

        static DimensionValues open(LeafReader reader, Dimension d) throws IOException {
            String field = IndexFields.of(d);
            return IndexFields.multiValued(d)
                    ? new Multi(DocValues.getSortedSet(reader, field))
                    : new Single(DocValues.getSorted(reader, field));
        }

        abstract long valueCount();

        abstract int[] ordinals(int doc) throws IOException;

        abstract String label(int ord) throws IOException;

        int count() {
            return count;
        }
    }

    private static final class Single extends DimensionValues {
        private final SortedDocValues values;

        Single(SortedDocValues values) {
            this.values = values;
        }

        @Override
        long valueCount() {
            return values.getValueCount();
        }

        @Override
        int[] ordinals(int doc) throws IOException {
            ords[0] = values.advanceExact(doc) ? values.ordValue() + 1 : 0;
            count = 1;
            return ords;
        }

        @Override
        String label(int ord) throws IOException {
            return ord == 0 ? Dimension.NONE : values.lookupOrd(ord - 1).utf8ToString();
        }
    }

    /** SortedSet doc values hold each distinct value once per document: an item counts once per value. */
    private static final class Multi extends DimensionValues {
        private final SortedSetDocValues values;

        Multi(SortedSetDocValues values) {
            this.values = values;
        }

        @Override
        long valueCount() {
            return values.getValueCount();
        }

        @Override
        int[] ordinals(int doc) throws IOException {
            if (!values.advanceExact(doc)) {
                ords[0] = 0;
                count = 1;
                return ords;
            }
            count = values.docValueCount();
            if (ords.length < count) {
                ords = new int[Math.max(count, ords.length * 2)];
            }
            for (int i = 0; i < count; i++) {
                ords[i] = Math.toIntExact(values.nextOrd() + 1);
            }
            return ords;
        }

        @Override
        String label(int ord) throws IOException {
            return ord == 0 ? Dimension.NONE : values.lookupOrd(ord - 1).utf8ToString();
        }
    }

    /** Mutable BucketStats: summed per bucket, frozen once at the end. */
    static final class Counts {
        long count, positive, neutral, negative, promoters, passives, detractors, starsCount, csatCount, csatSatisfied;
        double starsSum, csatSum;

        void add(long code, RatingScale scale, double ratingValue) {
            count++;
            Polarity p = StatsCode.polarity(code);
            if (p == Polarity.POSITIVE) {
                positive++;
            } else if (p == Polarity.NEUTRAL) {
                neutral++;
            } else if (p == Polarity.NEGATIVE) {
                negative++;
            }
            NpsClass nps = StatsCode.nps(code);
            if (nps == NpsClass.PROMOTER) {
                promoters++;
            } else if (nps == NpsClass.PASSIVE) {
                passives++;
            } else if (nps == NpsClass.DETRACTOR) {
                detractors++;
            }
            if (scale == RatingScale.STARS) {
                starsCount++;
                starsSum += ratingValue;
            } else if (scale == RatingScale.CSAT) {
                csatCount++;
                csatSum += ratingValue;
                if (ratingValue >= 4) {
                    csatSatisfied++;
                }
            }
        }

        Counts plus(Counts o) {
            count += o.count; positive += o.positive; neutral += o.neutral; negative += o.negative;
            promoters += o.promoters; passives += o.passives; detractors += o.detractors;
            starsCount += o.starsCount; starsSum += o.starsSum;
            csatCount += o.csatCount; csatSum += o.csatSum; csatSatisfied += o.csatSatisfied;
            return this;
        }

        BucketStats toStats() {
            return new BucketStats(count, positive, neutral, negative, promoters, passives, detractors,
                    starsCount, starsSum, csatCount, csatSum, csatSatisfied);
        }
    }
}
