package io.koubei.analysis.signals.weighting;

/**
 * A weighted metric with its interval, computed on the Kish effective sample size
 * {@code (Σw)² / Σw²}. {@code sufficient} is false below the minimum effective n.
 */
public record WeightedValue(double value, double low, double high, double weightSum, double effectiveN,
        boolean sufficient) {
}
