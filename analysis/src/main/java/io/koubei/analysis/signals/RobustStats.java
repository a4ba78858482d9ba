package io.koubei.analysis.signals;

import java.util.Arrays;

/** Median and MAD: baselines that one bad week cannot drag along. */
public final class RobustStats {
    /** MAD × this estimates the standard deviation of a normal sample. */
    public static final double MAD_TO_SIGMA = 1.4826;

    private RobustStats() {
    }

    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2.0;
    }

    /** Median absolute deviation from the median (unscaled). */
    public static double mad(double[] values) {
        double med = median(values);
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - med);
        }
        return median(dev);
    }

    /**
     * P(X ≥ k) for X ~ Poisson(λ), summed upward in log space so that large counts neither overflow nor lose
     * the tiny tails that matter for alerting.
     */
    public static double poissonUpperTail(long k, double lambda) {
        if (k <= 0) {
            return 1.0;
        }
        if (lambda <= 0) {
            return 0.0;
        }
        double lnFact = 0;
        for (long i = 2; i <= k; i++) {
            lnFact += Math.log(i);
        }
        double logTerm = -lambda + k * Math.log(lambda) - lnFact;
        double sum = 0;
        for (long i = k; i < k + 100_000; i++) {
            double term = Math.exp(logTerm);
            sum += term;
            if (i > lambda && term < sum * 1e-15) {
                break;
            }
            logTerm += Math.log(lambda) - Math.log(i + 1);
        }
        return Math.min(1.0, sum);
    }
}
