package io.koubei.analysis.signals.trend;

import io.koubei.analysis.signals.RobustStats;

/**
 * Median/MAD baseline of a count history with a band: {@code median ± max(k·1.4826·MAD, z·√max(median,1))}.
 * The Poisson floor keeps a flat or tiny history from turning every wobble into an alert.
 */
public record RobustBaseline(int n, double median, double mad, double lower, double upper) {

    public static RobustBaseline of(double[] history, BaselineParams p) {
        return of(history, p, 1);
    }

    /** Band for the mean of {@code observedPeriods} periods (the Poisson part shrinks by √periods). */
    public static RobustBaseline of(double[] history, BaselineParams p, int observedPeriods) {
        double med = RobustStats.median(history);
        double mad = RobustStats.mad(history);
        double half = Math.max(p.madK() * RobustStats.MAD_TO_SIGMA * mad,
                p.poissonZ() * Math.sqrt(Math.max(med, 1.0) / observedPeriods));
        return new RobustBaseline(history.length, med, mad, med - half, med + half);
    }

    /** P(X ≥ observed) under a Poisson with the baseline median as rate (floored at 0.5: a zero history still has a rate). */
    public double pValue(long observed) {
        return io.koubei.analysis.signals.RobustStats.poissonUpperTail(observed, Math.max(median, 0.5));
    }

    /** Above the band and unlikely under Poisson noise. */
    public boolean isSpike(long observed, BaselineParams p) {
        return observed > upper && pValue(observed) < p.maxPValue();
    }
}
