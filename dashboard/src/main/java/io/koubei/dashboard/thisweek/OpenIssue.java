package io.koubei.dashboard.thisweek;

import java.util.List;

/**
 * An alert (or incident) as the overview needs it: what it is about and whether it opened or worsened in a week.
 * Read through {@link IssueFeed}, the one place that knows the alerting service.
 *
 * @param typeKey   the signal type (message key suffix {@code signal.TYPE})
 * @param rank      0 info, 1 warning, 2 critical
 * @param weeks     the weeks the issue was seen in, oldest first (at least the latest)
 */
public record OpenIssue(String id, String typeKey, int rank, String product, String aspect, List<String> channels,
        List<String> weeks, boolean worsened) {
}
