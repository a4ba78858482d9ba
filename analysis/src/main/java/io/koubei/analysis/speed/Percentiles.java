package io.koubei.analysis.speed;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles by the <b>nearest-rank</b> method: sort the n values ascending; the p-th percentile is the value at
 * rank {@code ceil(p/100 × n)} (1-based), so it is always an observed value (p50 of 1,2,3,4 is 2).
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** Null when there are no values. */
    public static Double nearestRank(Collection<Double> values, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }
}
