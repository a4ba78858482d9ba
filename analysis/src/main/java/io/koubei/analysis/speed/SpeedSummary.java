package io.koubei.analysis.speed;

import java.util.List;

/**
 * Speed figures for one group of cases at one moment. Durations are business minutes (see {@link BusinessHours}).
 * Rates are null when their denominator is zero. Every count has the ids behind it for drill-down.
 *
 * @param slaDue          cases whose first-response SLA has been decided: answered, or unanswered past the deadline
 * @param withinSlaIds    answered within their channel's SLA
 * @param breachedIds     answered late, or unanswered past the deadline
 * @param pendingIds      unanswered, deadline not yet reached (left out of the SLA share)
 * @param closeDue        cases whose close window has been decided: resolved within it, or older than it
 * @param closedInWindowIds resolved within the close window (default 24 h) of creation
 * @param anomalyDue      anomaly cases whose one-hour clock has been decided
 * @param anomalyOnTimeIds anomalies both first-answered and resolved within the anomaly clock
 */
public record SpeedSummary(
        int cases,
        int answered,
        Double firstResponseP50Minutes,
        Double firstResponseP90Minutes,
        int slaDue,
        Double slaShare,
        int resolved,
        Double resolutionP50Minutes,
        Double resolutionP90Minutes,
        int closeDue,
        Double closeRate,
        int anomalyDue,
        Double anomalyOnTimeRate,
        List<String> withinSlaIds,
        List<String> breachedIds,
        List<String> pendingIds,
        List<String> unansweredIds,
        List<String> closedInWindowIds,
        List<String> anomalyIds,
        List<String> anomalyOnTimeIds) {
}
