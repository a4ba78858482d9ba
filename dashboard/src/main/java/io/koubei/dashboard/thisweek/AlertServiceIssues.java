package io.koubei.dashboard.thisweek;

import io.koubei.dashboard.alerting.Alert;
import io.koubei.dashboard.alerting.AlertService;
import java.util.List;

/**
 * Adapter from the alerting service's public API (alerts with status and week) to {@link OpenIssue}. When alerts
 * become incidents, only this class changes.
 */
public class AlertServiceIssues implements IssueFeed {
    private final AlertService alerts;

    public AlertServiceIssues(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public List<OpenIssue> openIn(String week) {
        return alerts.list(null).stream()
                .filter(a -> a.status() != Alert.Status.RESOLVED && week.equals(a.week()))
                .map(a -> new OpenIssue(a.id(), a.type().name(), a.severity().ordinal(), a.product(), a.aspect(),
                        a.channels() == null ? List.of() : a.channels(), List.of(a.week()), a.occurrences() > 1))
                .toList();
    }
}
