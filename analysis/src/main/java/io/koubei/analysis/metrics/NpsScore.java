package io.koubei.analysis.metrics;

import io.koubei.core.store.BucketStats;

/**
 * Net Promoter Score with its adjusted-Wald 95% interval (metrics.md): add 3 to n and 0.75 to promoters and
 * detractors, then a normal interval on the difference of two proportions of one multinomial sample.
 *
 * @param nps      100 × (P − D) / n, the plain point estimate (NaN when n = 0)
 * @param low      lower bound of the interval, ×100, clipped to −100
 * @param high     upper bound, ×100, clipped to 100
 * @param variance of the adjusted estimate, on the ×100 scale squared (for significance of differences)
 */
public record NpsScore(long promoters, long passives, long detractors, double nps, double low, double high,
        double variance, boolean sufficient) {

    private static final double Z95 = 1.959963984540054;

    public long n() {
        return promoters + passives + detractors;
    }

    public static NpsScore of(long promoters, long passives, long detractors, int minimumN) {
        long n = promoters + passives + detractors;
        double nps = n == 0 ? Double.NaN : 100.0 * (promoters - detractors) / n;
        double n2 = n + 3.0;
        double pp = (promoters + 0.75) / n2;
        double pd = (detractors + 0.75) / n2;
        double adjusted = pp - pd;
        double variance = (pp + pd - adjusted * adjusted) / n2;
        double half = Z95 * Math.sqrt(variance);
        return new NpsScore(promoters, passives, detractors, nps,
                Math.max(-100, 100 * (adjusted - half)), Math.min(100, 100 * (adjusted + half)),
                variance * 10_000, n >= minimumN);
    }

    public static NpsScore of(BucketStats s, int minimumN) {
        return of(s.promoters(), s.passives(), s.detractors(), minimumN);
    }

    /** Difference this − other with its interval (variances add); significant when it excludes 0. */
    public Interval differenceFrom(NpsScore other) {
        double d = nps - other.nps;
        double half = Z95 * Math.sqrt(variance + other.variance);
        return new Interval(d, d - half, d + half);
    }
}
