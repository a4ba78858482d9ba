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
}
