package io.koubei.dashboard.alerting;

import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.time.CalendarKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An incident as a reader sees it, in one language: title and evidence sentence from display names, how long it has
 * lasted and where it is going, a mini chart of its series against the baseline, the statistics with human labels
 * (behind "details"), its weekly occurrences, status history and comments. The API's answer and the page's row.
 *
 * @param score severity × recency × size: the order of the list
 */
public record IncidentView(String id, SignalType type, String typeName, String title, String sentence, String span,
        Severity severity, String severityName, Severity peak, Alert.Status status, String statusName, String owner,
        String firstWeek, String lastWeek, int weeksActive, String trend, String trendName, List<String> channels,
        String aspect, String product, String subject, String link, Sparkline chart, List<Detail> details,
        List<WeekView> occurrences, List<Incident.Change> history, List<String> historyLines,
        List<Incident.Comment> comments, Instant firstSeen, Instant lastSeen, double score) {

    /** One week the incident was seen: severity, its own sentence, the items behind it. */
    public record WeekView(String week, Severity severity, String sentence, Map<String, Double> figures, String link,
            String alertId) {
    }

    /** A figure with a human label and a readable value. */
    public record Detail(String key, String label, String value) {
    }

    /**
     * An inline SVG sparkline (120×32): the figure per week from the first week to the latest ({@code null} where
     * the subject was not alerted), and the baseline as a dashed line when the detector gives one.
     *
     * @param path    the SVG path of the series ("M x y L x y …", a move where weeks are missing)
     * @param baseline the y of the baseline, or null
     * @param label   what the chart plots, for screen readers and the tooltip
     */
    public record Sparkline(String path, Double baseline, List<double[]> points, String label) {
    }

    static final Comparator<IncidentView> ORDER = Comparator
            .comparing((IncidentView v) -> v.status() == Alert.Status.RESOLVED)
            .thenComparing(IncidentView::score, Comparator.reverseOrder())
            .thenComparing(IncidentView::lastWeek, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(IncidentView::id);

    /**
     * @param newestWeek the latest week any incident was seen (recency is measured against the data, not the clock:
     *                   a historical import is as recent as its last week)
     */
    public static IncidentView of(Incident i, Locale locale, IncidentNames names, String newestWeek) {
        String trend = trend(i, newestWeek);
        List<WeekView> weeks = new ArrayList<>();
        for (Incident.Occurrence o : i.occurrences()) {
            weeks.add(new WeekView(o.period(), o.severity(), IncidentText.sentence(i, o, locale, names), o.figures(),
                    o.link(), o.alertId()));
        }
        List<Detail> details = new ArrayList<>();
        i.latest().figures().forEach((k, v) -> details.add(new Detail(k, IncidentText.figureLabel(k, locale),
                IncidentText.figureValue(k, v))));
        return new IncidentView(i.id(), i.type(), IncidentText.typeName(i.type(), locale),
                IncidentText.title(i, locale, names), IncidentText.sentence(i, locale, names),
                IncidentText.span(i, trend, locale), i.severity(), IncidentText.severityName(i.severity(), locale), i.peak(),
                i.status(), IncidentText.statusName(i.status(), locale), i.owner(), i.firstPeriod(), i.latestPeriod(),
                i.weeksActive(), trend, IncidentText.trendName(trend, locale), i.channels(), i.aspect(), i.product(),
                i.subject(), i.latest().link(), chart(i, locale), details, weeks, i.history(), historyLines(i, locale),
                i.comments(), i.firstSeen(),
                i.lastSeen(), score(i, newestWeek));
    }

    /** "2026-11-24 11:00 · acknowledged · lin": the history in the team's zone, one line a change. */
    static List<String> historyLines(Incident i, Locale locale) {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(CalendarKeys.DEFAULT_ZONE);
        return i.history().stream().map(h -> f.format(h.at()) + " · " + IncidentText.actionName(h.action(), locale)
                + (h.by() == null ? "" : " · " + h.by())
                + (h.detail() == null ? "" : " · " + ("escalated".equals(h.action())
                        ? IncidentText.severityName(io.koubei.analysis.signals.Severity.valueOf(h.detail()), locale) : h.detail())))
                .toList();
    }

    /** new (one week, the latest), worsening / improving (latest vs the week before), ended (not in the latest week). */
    static String trend(Incident i, String newestWeek) {
        if (newestWeek != null && i.latestPeriod().compareTo(newestWeek) < 0) {
            return "ended";
        }
        if (i.weeksActive() == 1) {
            return "new";
        }
        Incident.Occurrence last = i.latest();
        Incident.Occurrence before = i.occurrences().get(i.occurrences().size() - 2);
        int sev = last.severity().compareTo(before.severity());
        if (sev != 0) {
            return sev > 0 ? "worsening" : "improving";
        }
        Double a = primary(i.type(), before.figures());
        Double b = primary(i.type(), last.figures());
        if (a == null || b == null || a == 0) {
            return "persisting";
        }
        double change = (b - a) / Math.abs(a);
        boolean lowerIsWorse = i.type() == SignalType.SILENCE || i.type() == SignalType.NPS_DROP || i.type() == SignalType.CSAT_DROP;
        if (Math.abs(change) < 0.1) {
            return "persisting";
        }
        return (change > 0) != lowerIsWorse ? "worsening" : "improving";
    }

    /** severity (1, 3, 9) × recency (halves every two weeks behind the newest week) × size (1 + ln weeks active). */
    static double score(Incident i, String newestWeek) {
        double severity = switch (i.severity()) {
            case CRITICAL -> 9;
            case WARNING -> 3;
            case INFO -> 1;
        };
        long behind = weeksBetween(i.latestPeriod(), newestWeek);
        double recency = Math.pow(0.5, behind / 2.0);
        double size = 1 + Math.log(Math.max(1, i.weeksActive()));
        return severity * recency * size;
    }

    private static long weeksBetween(String from, String to) {
        if (from == null || to == null || !from.matches("\\d{4}-W\\d{2}") || !to.matches("\\d{4}-W\\d{2}")) {
            return 0;
        }
        LocalDate a = CalendarKeys.mondayOf(from);
        LocalDate b = CalendarKeys.mondayOf(to);
        return Math.max(0, ChronoUnit.WEEKS.between(a, b));
    }

    /** The number a type's sentence is about: what the mini chart draws. */
    static Double primary(SignalType t, Map<String, Double> f) {
        if (f == null || f.isEmpty()) {
            return null;
        }
        String key = switch (t) {
            case SPIKE -> "observed";
            case SILENCE -> "observedMean";
            case COCOON -> "cr10";
            case ASTROTURF -> "items";
            case NPS_DROP -> "nps";
            case CSAT_DROP -> "value";
            case CORE_COMPLAINT -> "mentions";
            case EVENT_IMPACT -> "netSentimentAfter";
            case COMPETITOR_GAP -> "gap";
            case RESPONSE_SLA -> f.containsKey("unanswered") ? "unanswered" : "elapsedMinutes";
            case SOURCE_DOWN -> "consecutiveFailures";
            case EMERGING_THEME -> "observed";
            case DIVERGENCE -> f.containsKey("aspectRecentNegative") ? "aspectRecentNegative" : "negativeRecent";
        };
        Double v = f.get(key);
        return v != null ? v : f.values().iterator().next();
    }

    private static Double baseline(SignalType t, Map<String, Double> f) {
        return switch (t) {
            case SPIKE, SILENCE, CORE_COMPLAINT -> f.get("baselineMedian");
            case COCOON -> f.get("cr10Alert");
            case NPS_DROP -> f.get("trailingNps");
            case DIVERGENCE -> f.containsKey("aspectExpected") ? f.get("aspectExpected") : f.get("negativeExpected");
            case RESPONSE_SLA -> f.get("slaMinutes");
            case EVENT_IMPACT -> f.get("netSentimentBefore");
            case COMPETITOR_GAP -> f.get("previousGap");
            case EMERGING_THEME -> f.get("baselineMedian");
            default -> null;
        };
    }

    static final double W = 120;
    static final double H = 32;

    static Sparkline chart(Incident i, Locale locale) {
        List<String> weeks = i.firstPeriod().matches("\\d{4}-W\\d{2}") && i.latestPeriod().matches("\\d{4}-W\\d{2}")
                ? io.koubei.analysis.signals.Weeks.range(i.firstPeriod(), i.latestPeriod())
                : i.occurrences().stream().map(Incident.Occurrence::period).toList();
        if (weeks.size() == 1) { // one week: show it against the baseline, from the week before
            weeks = List.of(weeks.get(0));
        }
        Map<String, Incident.Occurrence> byWeek = new java.util.HashMap<>();
        i.occurrences().forEach(o -> byWeek.put(o.period(), o));
        Double base = baseline(i.type(), i.latest().figures());
        double min = base == null ? Double.MAX_VALUE : base;
        double max = base == null ? -Double.MAX_VALUE : base;
        List<Double> values = new ArrayList<>();
        for (String w : weeks) {
            Incident.Occurrence o = byWeek.get(w);
            Double v = o == null ? null : primary(i.type(), o.figures());
            values.add(v);
            if (v != null) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == Double.MAX_VALUE) {
            return new Sparkline("", null, List.of(), "");
        }
        if (max - min < 1e-9) {
            max = min + 1;
            min = min - 1;
        }
        double lo = min;
        double range = max - min;
        java.util.function.DoubleUnaryOperator y = v -> Math.round((H - 3 - (v - lo) / range * (H - 6)) * 10) / 10.0;
        int n = values.size();
        StringBuilder path = new StringBuilder();
        List<double[]> points = new ArrayList<>();
        boolean pen = false;
        for (int k = 0; k < n; k++) {
            Double v = values.get(k);
            if (v == null) {
                pen = false;
                continue;
            }
            double x = n == 1 ? W / 2 : Math.round((3 + k * (W - 6) / (n - 1)) * 10) / 10.0;
            double yy = y.applyAsDouble(v);
            path.append(pen ? " L " : (path.isEmpty() ? "M " : " M ")).append(x).append(' ').append(yy);
            points.add(new double[] {x, yy});
            pen = true;
        }
        boolean en = IncidentText.en(locale);
        String label = en ? "Each week's figure (line) against the baseline (dashed)" : "每周数值（实线）与基线（虚线）";
        return new Sparkline(path.toString(), base == null ? null : y.applyAsDouble(base), points, label);
    }
}
