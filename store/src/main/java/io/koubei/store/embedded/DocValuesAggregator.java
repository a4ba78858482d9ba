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
    static final long DENSE_LIMIT = 1 << 20;

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
        return aggregate(searcher, query, groupBy, DENSE_LIMIT);
    }

    /** {@code denseLimit} is a parameter only so tests can force the hash-map path. */
    static List<Bucket> aggregate(IndexSearcher searcher, Query query, List<Dimension> groupBy, long denseLimit)
            throws IOException {
        Map<List<String>, Counts> merged = new HashMap<>();
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                new SegmentPass(leaf.reader(), groupBy, denseLimit).run(scorer.iterator(), merged);
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
        private final boolean allSingleValued;
        private final long[] radix;
        private final NumericDocValues stats;
        private final NumericDocValues rating;
        private final Counts[] dense;
        private final Map<Long, Counts> sparse;

        SegmentPass(LeafReader reader, List<Dimension> groupBy, long denseLimit) throws IOException {
            this.reader = reader;
            this.dims = new DimensionValues[groupBy.size()];
            this.radix = new long[groupBy.size()];
            long combinations = 1;
            for (int i = 0; i < dims.length; i++) {
                dims[i] = DimensionValues.open(reader, groupBy.get(i));
                radix[i] = dims[i].valueCount() + 1;
                combinations = saturatedMultiply(combinations, radix[i]);
            }
            this.allSingleValued = groupBy.stream().noneMatch(IndexFields::multiValued);
            this.stats = DocValues.getNumeric(reader, IndexFields.STATS);
            this.rating = DocValues.getNumeric(reader, IndexFields.RATING);
            if (combinations <= denseLimit) {
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
                int code = stats.advanceExact(doc) ? (int) stats.longValue() : 0;
                RatingScale scale = StatsCode.scale(code);
                double ratingValue = 0;
                if ((scale == RatingScale.STARS || scale == RatingScale.CSAT) && rating.advanceExact(doc)) {
                    ratingValue = NumericUtils.sortableLongToDouble(rating.longValue());
                }
                if (allSingleValued) {
                    long bucket = 0;
                    for (int i = 0; i < dims.length; i++) {
                        bucket = bucket * radix[i] + dims[i].ordinals(doc)[0];
                    }
                    counts(bucket).add(code, scale, ratingValue);
                    continue;
                }
                for (int i = 0; i < dims.length; i++) {
                    ords[i] = dims[i].ordinals(doc);
                    counts[i] = dims[i].count();
                }
                addCombinations(0, 0L, ords, counts, code, scale, ratingValue);
            }
            flush(merged);
        }

        private void addCombinations(int dim, long bucket, int[][] ords, int[] counts, int code, RatingScale scale,
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

    /**
     * Mutable BucketStats. The enum parts are kept as a histogram of {@link StatsCode}s (one increment per
     * document) and turned into counts once per bucket; only rating values need summing per document.
     */
    static final class Counts {
        final long[] codes = new long[StatsCode.CODES];
        double starsSum, csatSum;
        long csatSatisfied;

        void add(int code, RatingScale scale, double ratingValue) {
            codes[code]++;
            if (scale == RatingScale.STARS) {
                starsSum += ratingValue;
            } else if (scale == RatingScale.CSAT) {
                csatSum += ratingValue;
                if (ratingValue >= 4) {
                    csatSatisfied++;
                }
            }
        }

        Counts plus(Counts o) {
            for (int c = 0; c < codes.length; c++) {
                codes[c] += o.codes[c];
            }
            starsSum += o.starsSum;
            csatSum += o.csatSum;
            csatSatisfied += o.csatSatisfied;
            return this;
        }

        BucketStats toStats() {
            long count = 0, positive = 0, neutral = 0, negative = 0, promoters = 0, passives = 0, detractors = 0;
            long starsCount = 0, csatCount = 0;
            for (int c = 0; c < codes.length; c++) {
                long n = codes[c];
                if (n == 0) {
                    continue;
                }
                count += n;
                Polarity p = StatsCode.polarity(c);
                if (p == Polarity.POSITIVE) {
                    positive += n;
                } else if (p == Polarity.NEUTRAL) {
                    neutral += n;
                } else if (p == Polarity.NEGATIVE) {
                    negative += n;
                }
                NpsClass nps = StatsCode.nps(c);
                if (nps == NpsClass.PROMOTER) {
                    promoters += n;
                } else if (nps == NpsClass.PASSIVE) {
                    passives += n;
                } else if (nps == NpsClass.DETRACTOR) {
                    detractors += n;
                }
                RatingScale scale = StatsCode.scale(c);
                if (scale == RatingScale.STARS) {
                    starsCount += n;
                } else if (scale == RatingScale.CSAT) {
                    csatCount += n;
                }
            }
            return new BucketStats(count, positive, neutral, negative, promoters, passives, detractors,
                    starsCount, starsSum, csatCount, csatSum, csatSatisfied);
        }
    }
}
