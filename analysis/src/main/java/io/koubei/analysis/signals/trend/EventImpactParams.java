package io.koubei.analysis.signals.trend;

import java.time.Duration;

/**
 * @param window        length of the before and after windows around the event
 * @param minimumN      each window needs this many items for a verdict (metrics.md: 30)
 * @param minAspectCount an aspect shift needs this many negative mentions after the event
 * @param maxAspects    how many aspect shifts to report
 */
public record EventImpactParams(Duration window, int minimumN, int minAspectCount, int maxAspects) {
    public static final EventImpactParams DEFAULTS = new EventImpactParams(Duration.ofDays(14), 30, 10, 5);

    public EventImpactParams {
        if (window == null || window.isNegative() || window.isZero() || minimumN < 1 || minAspectCount < 1) {
            throw new IllegalArgumentException("invalid event impact parameters");
        }
    }
}
