package io.koubei.dashboard.web;

import io.koubei.dashboard.alerting.Alert;
import io.koubei.dashboard.query.FilterParams;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.function.Predicate;

/**
 * The global filters applied to alerts: product, channel, aspect and week (or the weeks of a from/to range). An
 * alert without a product or aspect is about all of them and stays visible; other filters (text, sentiment…) do not
 * describe alerts and are ignored.
 */
public record AlertFilter(List<String> products, List<String> channels, List<String> aspects, List<String> weeks,
        String fromWeek, String toWeek) {

    public static AlertFilter of(FilterParams p) {
        return new AlertFilter(list(p, "product"), list(p, "channel"), list(p, "aspect"), list(p, "week"),
                week(p.first("from")), week(p.first("to")));
    }

    public List<Alert> apply(List<Alert> alerts) {
        Predicate<Alert> keep = a -> matches(products, a.product())
                && (channels.isEmpty() || a.channels() == null || a.channels().isEmpty()
                        || a.channels().stream().anyMatch(channels::contains))
                && matches(aspects, a.aspect())
                && (weeks.isEmpty() || a.week() == null || weeks.contains(a.week()))
                && (fromWeek == null || a.week() == null || a.week().compareTo(fromWeek) >= 0)
                && (toWeek == null || a.week() == null || a.week().compareTo(toWeek) <= 0);
        return alerts.stream().filter(keep).toList();
    }

    /** The same filters on incidents: the week filters keep an incident seen in any of the weeks. */
    public List<io.koubei.dashboard.alerting.Incident> applyToIncidents(List<io.koubei.dashboard.alerting.Incident> incidents) {
        Predicate<io.koubei.dashboard.alerting.Incident> keep = i -> matches(products, i.product())
                && (channels.isEmpty() || i.channels().isEmpty() || i.channels().stream().anyMatch(channels::contains))
                && matches(aspects, i.aspect())
                && i.occurrences().stream().anyMatch(o -> "-".equals(o.period())
                        || ((weeks.isEmpty() || weeks.contains(o.period()))
                                && (fromWeek == null || o.period().compareTo(fromWeek) >= 0)
                                && (toWeek == null || o.period().compareTo(toWeek) <= 0)));
        return incidents.stream().filter(keep).toList();
    }

    private static boolean matches(List<String> wanted, String value) {
        return wanted.isEmpty() || value == null || wanted.contains(value);
    }

    private static List<String> list(FilterParams p, String name) {
        List<String> v = p.values().get(name);
        return v == null ? List.of() : v;
    }

    /** The ISO week of a yyyy-MM-dd date; other forms (instants, millis) do not narrow alerts. */
    private static String week(String date) {
        if (date == null || !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        LocalDate d = LocalDate.parse(date);
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
