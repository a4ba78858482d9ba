package io.koubei.analysis.signals.survey;

import io.koubei.analysis.metrics.Proportion;

/**
 * A proportion metric (CSAT, first-recommendation rate, awareness …) in one week with its comparisons.
 *
 * @param metric  e.g. {@code csat}, {@code first_recommendation}
 * @param mean    mean rating for CSAT (NaN otherwise)
 */
public record WeeklyProportion(String metric, String week, Proportion value, double mean, MetricChange vsPreviousWeek,
        Proportion trailing, MetricChange vsTrailing) {
}
