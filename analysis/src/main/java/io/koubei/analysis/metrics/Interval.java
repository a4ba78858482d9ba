package io.koubei.analysis.metrics;

/** A point estimate with its 95% interval, in the metric's own unit. */
public record Interval(double value, double low, double high) {
    public boolean excludesZero() {
        return low > 0 || high < 0;
    }
}
