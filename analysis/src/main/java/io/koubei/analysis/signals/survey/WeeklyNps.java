package io.koubei.analysis.signals.survey;

import io.koubei.analysis.metrics.NpsScore;

/**
 * NPS of one week with its comparisons. A comparison is null when either side is insufficient data.
 *
 * @param trailing  NPS of the pooled answers of the trailing weeks before this one
 */
public record WeeklyNps(String week, NpsScore score, MetricChange vsPreviousWeek, NpsScore trailing,
        MetricChange vsTrailing) {
}
