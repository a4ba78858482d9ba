package io.koubei.analysis.signals.survey;

import io.koubei.analysis.metrics.Interval;

/**
 * A change between two estimates: the difference with its 95% interval (variance of the difference = sum of
 * the variances). {@code significant} when the interval excludes 0. The weekly report says "−4 pts, not
 * significant" from exactly this.
 */
public record MetricChange(Interval difference, boolean significant) {
    private static final double Z = 1.959963984540054;

    public static MetricChange of(double current, double varCurrent, double reference, double varReference) {
        double d = current - reference;
        double half = Z * Math.sqrt(varCurrent + varReference);
        Interval i = new Interval(d, d - half, d + half);
        return new MetricChange(i, i.excludesZero());
    }

    public static MetricChange of(Interval difference) {
        return new MetricChange(difference, difference.excludesZero());
    }

    public double value() {
        return difference.value();
    }

    /** e.g. "−4.0（不显著）" or "+6.2（显著）". */
    public String describe(double scale, String unit) {
        return String.format("%+.1f%s（%s）", difference.value() * scale, unit, significant ? "显著" : "不显著");
    }
}
