package io.koubei.dashboard.thisweek;

import io.koubei.dashboard.alerting.Alert;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.dashboard.alerting.Incident;
import java.util.List;

/**
 * Adapter from the alerting service's incidents to {@link OpenIssue}: the unresolved incidents alerted on in a week,
 * with the weeks each was seen in (seen before: it persists or came back). The one place the overview knows alerting.
 */
public class AlertServiceIssues implements IssueFeed {
    private final AlertService alerts;

    public AlertServiceIssues(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public List<OpenIssue> openIn(String week) {
        return alerts.incidents(null).stream()
                .filter(i -> i.status() != Alert.Status.RESOLVED)
                .flatMap(i -> i.occurrences().stream().filter(o -> week.equals(o.period())).findFirst()
                        .map(o -> {
                            List<String> weeks = i.occurrences().stream().map(Incident.Occurrence::period)
                                    .filter(p -> p.compareTo(week) <= 0).distinct().sorted().toList();
                            return new OpenIssue(i.id(), i.type().name(), o.severity().ordinal(), i.product(), i.aspect(),
                                    i.channels(), weeks, weeks.size() > 1);
                        }).stream())
                .toList();
    }
}
