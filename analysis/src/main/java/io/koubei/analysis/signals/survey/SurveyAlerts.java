package io.koubei.analysis.signals.survey;

import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.Channel;
import java.util.ArrayList;
import java.util.List;

/**
 * NPS_DROP / CSAT_DROP: a week whose NPS or CSAT is significantly below the previous week or the trailing
 * average. Both comparisons significant → CRITICAL. Insufficient weeks never alert.
 *
 * <p>The report calls a change "significant" at 95% (metrics.md). An alert needs the drop to hold at
 * {@link #ALERT_Z} (99%): a dashboard that tests two comparisons every week for every scope would otherwise
 * cry wolf about once every ten weeks on noise alone.
 *
 * <p>Blind spots: a slow decline where no single week is significantly different never fires (the trailing
 * comparison catches part of it); rises are not alerts (they are in the weekly report).
 */
public final class SurveyAlerts {
    /** z of the alert threshold (99% two-sided). */
    public static final double ALERT_Z = 2.5758293035489004;
    private static final double Z95 = 1.959963984540054;

    private SurveyAlerts() {
    }

    /** True when the change is a drop whose interval, widened to {@link #ALERT_Z}, stays below 0. */
    static boolean alarmingDrop(MetricChange c) {
        if (c == null || c.value() >= 0) {
            return false;
        }
        double half95 = (c.difference().high() - c.difference().low()) / 2;
        return c.value() + half95 * ALERT_Z / Z95 < 0;
    }

    /**
     * @param scope   human label of what was measured, e.g. "全部渠道" or "X1 / survey"
     * @param channel the channel when the NPS was measured on one, else null
     * @param product the product when measured on one, else null
     */
    public static List<Signal> npsDrops(List<WeeklyNps> weeks, String scope, Channel channel, String product) {
        List<Signal> out = new ArrayList<>();
        for (WeeklyNps w : weeks) {
            boolean prev = alarmingDrop(w.vsPreviousWeek());
            boolean trail = alarmingDrop(w.vsTrailing());
            if (!prev && !trail) {
                continue;
            }
            Evidence.Builder ev = Evidence.builder()
                    .figure("nps", w.score().nps()).figure("npsLow", w.score().low()).figure("npsHigh", w.score().high())
                    .figure("n", w.score().n()).figure("promoters", w.score().promoters())
                    .figure("detractors", w.score().detractors()).figure("trailingNps", w.trailing().nps());
            StringBuilder d = new StringBuilder(String.format("%s %s 周 NPS %.1f（95%% 区间 %.1f…%.1f，n=%d）",
                    scope, w.week(), w.score().nps(), w.score().low(), w.score().high(), w.score().n()));
            if (w.vsPreviousWeek() != null) {
                ev.figure("changeVsPreviousWeek", w.vsPreviousWeek().value())
                        .figure("changeVsPreviousWeekLow", w.vsPreviousWeek().difference().low())
                        .figure("changeVsPreviousWeekHigh", w.vsPreviousWeek().difference().high());
                d.append("，环比 ").append(w.vsPreviousWeek().describe(1, " 分"));
            }
            if (w.vsTrailing() != null) {
                ev.figure("changeVsTrailing", w.vsTrailing().value())
                        .figure("changeVsTrailingLow", w.vsTrailing().difference().low())
                        .figure("changeVsTrailingHigh", w.vsTrailing().difference().high());
                d.append("，较前 4 周 ").append(w.vsTrailing().describe(1, " 分"));
            }
            ev.drillDown("week", w.week()).drillDown("channel", channel == null ? null : channel.wireName())
                    .drillDown("product", product).drillDown("nps_class", "detractor");
            out.add(Signal.builder(SignalType.NPS_DROP)
                    .severity(prev && trail ? Severity.CRITICAL : Severity.WARNING)
                    .week(w.week()).channel(channel).product(product).subject("nps")
                    .title(String.format("NPS 显著下降：%s %.1f", scope, w.score().nps()))
                    .description(d.append("。").toString())
                    .evidence(ev.build())
                    .build());
        }
        return out;
    }

    public static List<Signal> csatDrops(List<WeeklyProportion> weeks, String scope, Channel channel, String product) {
        List<Signal> out = new ArrayList<>();
        for (WeeklyProportion w : weeks) {
            boolean prev = alarmingDrop(w.vsPreviousWeek());
            boolean trail = alarmingDrop(w.vsTrailing());
            if (!prev && !trail) {
                continue;
            }
            Evidence ev = Evidence.builder()
                    .figure("value", w.value().value()).figure("low", w.value().low()).figure("high", w.value().high())
                    .figure("n", w.value().n()).figure("mean", w.mean())
                    .figure("changeVsPreviousWeek", w.vsPreviousWeek() == null ? Double.NaN : w.vsPreviousWeek().value())
                    .figure("changeVsTrailing", w.vsTrailing() == null ? Double.NaN : w.vsTrailing().value())
                    .drillDown("week", w.week()).drillDown("channel", channel == null ? null : channel.wireName())
                    .drillDown("product", product)
                    .build();
            out.add(Signal.builder(SignalType.CSAT_DROP)
                    .severity(prev && trail ? Severity.CRITICAL : Severity.WARNING)
                    .week(w.week()).channel(channel).product(product).subject(w.metric())
                    .title(String.format("满意度显著下降：%s %.0f%%", scope, w.value().value() * 100))
                    .description(String.format("%s %s 周满意度（4–5 分占比）%.0f%%（n=%d）%s%s。", scope, w.week(),
                            w.value().value() * 100, w.value().n(),
                            w.vsPreviousWeek() == null ? "" : "，环比 " + w.vsPreviousWeek().describe(100, " 个百分点"),
                            w.vsTrailing() == null ? "" : "，较前 4 周 " + w.vsTrailing().describe(100, " 个百分点")))
                    .evidence(ev)
                    .build());
        }
        return out;
    }
}
