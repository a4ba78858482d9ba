package io.koubei.analysis.signals;

/** How urgently a human should look. Ordered from least to most urgent. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL;

    public Severity max(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
