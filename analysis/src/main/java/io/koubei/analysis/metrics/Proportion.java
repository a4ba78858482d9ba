package io.koubei.analysis.metrics;

/** A proportion with its Wilson 95% interval (CSAT, first-recommendation rate, brand-health shares). */
public record Proportion(long successes, long n, double value, double low, double high, boolean sufficient) {
    private static final double Z = 1.959963984540054;

    public static Proportion wilson(long successes, long n, int minimumN) {
        if (n == 0) {
            return new Proportion(0, 0, Double.NaN, 0, 1, false);
        }
        double p = (double) successes / n;
        double z2 = Z * Z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new Proportion(successes, n, p, Math.max(0, centre - half), Math.min(1, centre + half), n >= minimumN);
    }

    /** Normal-approximation variance of the estimate, for comparing two proportions. */
    public double variance() {
        return n == 0 ? Double.NaN : value * (1 - value) / n;
    }
}
