package io.koubei.dashboard.alerting;

import io.koubei.analysis.signals.SignalType;
import io.koubei.dashboard.report.WeeklyReport;
import io.koubei.dashboard.report.WeeklyReportBuilder;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The weekly report's signal sections: the week's alerts, most urgent first, with cross-channel divergences,
 * astroturf and concentration (information cocoon) notes named as such; and the incidents still open at that week,
 * with their owners (建议跟进).
 */
@Component
@Order(1)
public class AlertReportNotes implements WeeklyReportBuilder.ReportNotes {
    private final AlertService alerts;

    public AlertReportNotes(AlertService alerts) {
        this.alerts = alerts;
    }

    /** The incidents seen in that week, each told by that week's alert (its numbers). */
    @Override
    public List<WeeklyReport.Note> notesFor(String week, String product) {
        return alerts.incidents(null).stream()
                .flatMap(i -> i.occurrences().stream().filter(o -> week.equals(o.period())).limit(1))
                .flatMap(o -> alerts.get(o.alertId()).stream())
                .filter(a -> week.equals(a.week()))
                .filter(a -> product == null || a.product() == null || product.equals(a.product()))
                .sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::type))
                .map(a -> new WeeklyReport.Note(kind(a.type()), a.title(),
                        java.util.Objects.requireNonNullElse(evidence(a, false), a.description()), subject(a), null, evidence(a, true)))
                .toList();
    }

    /**
     * 建议跟进: the incidents still unresolved at that week (seen in it or before), one line each with its owner, most
     * severe and latest first; "new this week" when the incident first appeared in that week.
     */
    @Override
    public List<WeeklyReport.FollowUp> openFor(String week, String product) {
        return alerts.incidents(null).stream()
                .filter(i -> i.status() != Alert.Status.RESOLVED)
                .filter(i -> i.at(week) != null && !"-".equals(i.at(week).period()))
                .filter(i -> product == null || i.product() == null || product.equals(i.product()))
                .map(i -> {
                    Incident.Occurrence o = i.at(week);
                    Alert a = alerts.get(o.alertId()).orElse(null);
                    String title = a == null ? IncidentText.title(i, java.util.Locale.SIMPLIFIED_CHINESE, IncidentNames.IDS) : a.title();
                    WeeklyReport.Subject subject = new WeeklyReport.Subject(i.type().name(), i.channels(), i.aspect(),
                            i.product(), IncidentText.about(i.subject()));
                    return new WeeklyReport.FollowUp(kind(i.type()), title, o.severity().name().toLowerCase(java.util.Locale.ROOT),
                            o.period(), i.status().name().toLowerCase(java.util.Locale.ROOT), i.owner(),
                            week.equals(i.firstPeriod()), subject);
                })
                .sorted(Comparator.comparing((WeeklyReport.FollowUp f) -> f.severity().equals("critical") ? 0 : f.severity().equals("warning") ? 1 : 2)
                        .thenComparing(WeeklyReport.FollowUp::week, Comparator.reverseOrder()).thenComparing(WeeklyReport.FollowUp::title))
                .toList();
    }

    /**
     * What the alert is about. The source or account is the dedup key's last part ({@code TYPE|…|subject}), before
     * any {@code /qualifier} ("tmall/volume"); a polarity there ("negative" for a surge of negative posts) is already
     * said by the type.
     */
    static WeeklyReport.Subject subject(Alert a) {
        String about = null;
        if (a.dedupKey() != null) {
            String part = a.dedupKey().substring(a.dedupKey().lastIndexOf('|') + 1);
            String last = part.indexOf('/') > 0 ? part.substring(0, part.indexOf('/')) : part;
            boolean polarity = java.util.Arrays.stream(io.koubei.core.feedback.Polarity.values()).anyMatch(p -> p.wireName().equals(last));
            about = last.equals("-") || last.isBlank() || polarity ? null : last;
        }
        return new WeeklyReport.Subject(a.type().name(), a.channels(), a.aspect(), a.product(), about);
    }

    /**
     * The evidence as one plain sentence, in Chinese or English, for the alert types whose figures say it plainly
     * (surge, drop in volume, concentration); null for the others (the report then uses the detector's own
     * description in Chinese, and names the alert without detail in English).
     */
    static String evidence(Alert a, boolean en) {
        java.util.Map<String, Double> f = a.evidence() == null ? java.util.Map.of() : a.evidence().figures();
        java.util.function.Function<String, String> n = k -> f.get(k) == null || f.get(k).isNaN() ? null
                : String.format(java.util.Locale.ROOT, f.get(k) == Math.rint(f.get(k)) ? "%.0f" : "%.1f", f.get(k));
        return switch (a.type()) {
            case SPIKE -> n.apply("observed") == null || n.apply("baselineMedian") == null ? null
                    : en ? n.apply("observed") + " negative posts this week against a usual " + n.apply("baselineMedian")
                            + (n.apply("ratioToMedian") == null ? "" : " (" + n.apply("ratioToMedian") + "×)") + "."
                    : "本周负面 " + n.apply("observed") + " 条，通常 " + n.apply("baselineMedian") + " 条"
                            + (n.apply("ratioToMedian") == null ? "" : "（约 " + n.apply("ratioToMedian") + " 倍）") + "。";
            case SILENCE -> n.apply("observedMean") == null || n.apply("baselineMedian") == null ? null
                    : en ? n.apply("observedMean") + " items a week lately against a usual " + n.apply("baselineMedian") + "."
                    : "近期每周 " + n.apply("observedMean") + " 条，通常 " + n.apply("baselineMedian") + " 条。";
            case COCOON -> f.get("cr10") == null || n.apply("items") == null ? null
                    : en ? String.format(java.util.Locale.ROOT, "the 10 most active accounts wrote %.0f%% of %s posts", 100 * f.get("cr10"), n.apply("items"))
                            + (n.apply("effectiveVoices") == null ? "." : " (" + n.apply("effectiveVoices") + " effective voices).")
                    : String.format(java.util.Locale.ROOT, "最活跃的 10 个账号发了 %s 条中的 %.0f%%", n.apply("items"), 100 * f.get("cr10"))
                            + (n.apply("effectiveVoices") == null ? "。" : "（有效声音 " + n.apply("effectiveVoices") + " 个）。");
            default -> null;
        };
    }

    static String kind(SignalType t) {
        return switch (t) {
            case DIVERGENCE -> "渠道背离";
            case ASTROTURF -> "水军";
            case COCOON -> "信息茧房";
            case SILENCE -> "沉默";
            case SPIKE -> "突增";
            case CORE_COMPLAINT -> "核心用户意见";
            case NPS_DROP, CSAT_DROP -> "满意度";
            case EVENT_IMPACT -> "事件影响";
            case COMPETITOR_GAP -> "竞品";
            case EMERGING_THEME -> "新问题";
            default -> "预警";
        };
    }
}
