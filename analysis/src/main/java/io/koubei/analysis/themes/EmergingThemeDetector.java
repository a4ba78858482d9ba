package io.koubei.analysis.themes;

import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.trend.BaselineParams;
import io.koubei.analysis.signals.trend.RobustBaseline;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Emerging theme: a theme whose negative opinions in a week are far above its own history — new (no history at all)
 * or growing. The same test as an aspect spike (robust median/MAD band with a Poisson floor, and improbable under
 * Poisson noise around the median), with the p-value threshold divided by the number of themes tested that week
 * (Bonferroni: many themes are watched, so one of them crossing by chance is expected otherwise), and at least
 * {@code minCount} negative opinions from at least {@code minItems} distinct items.
 *
 * <p>Raised in the week the theme first crosses; the dedup key is the theme alone, so the following weeks of the same
 * problem do not raise it again. Blind spots: a theme that grows slowly moves its own median along; history weeks
 * before the data starts are unknown, so a theme needs {@code params.minHistory()} weeks of data before it can emerge.
 */
public final class EmergingThemeDetector {
    private final BaselineParams params;
    private final int minCount;

    public EmergingThemeDetector(BaselineParams params, int minCount) {
        this.params = params;
        this.minCount = minCount;
    }

    public EmergingThemeDetector() {
        this(BaselineParams.DEFAULTS, 5);
    }

    /**
     * @param mentions     theme mentions of the week and of the history weeks
     * @param themes       themes by id (hidden ones are skipped)
     * @param week         the week checked
     * @param historyWeeks the weeks before it that have data, oldest first (a week without mentions counts as zero)
     */
    public List<Signal> detect(List<ThemeMention> mentions, Map<String, Theme> themes, String week, List<String> historyWeeks) {
        if (historyWeeks.size() < params.minHistory()) {
            return List.of();
        }
        List<String> history = historyWeeks.subList(Math.max(0, historyWeeks.size() - params.window()), historyWeeks.size());
        Map<String, Integer> weekIndex = new HashMap<>();
        for (int i = 0; i < history.size(); i++) {
            weekIndex.put(history.get(i), i);
        }
        Map<String, double[]> past = new HashMap<>();
        Map<String, List<ThemeMention>> now = new TreeMap<>();
        for (ThemeMention m : mentions) {
            if (m.polarity() != Polarity.NEGATIVE) {
                continue;
            }
            if (week.equals(m.week())) {
                now.computeIfAbsent(m.themeId(), k -> new ArrayList<>()).add(m);
            } else {
                Integer i = weekIndex.get(m.week());
                if (i != null) {
                    past.computeIfAbsent(m.themeId(), k -> new double[history.size()])[i]++;
                }
            }
        }
        int tested = 0;
        for (String id : now.keySet()) {
            Theme t = themes.get(id);
            if (t != null && !t.hidden()) {
                tested++;
            }
        }
        double level = params.maxPValue() / Math.max(1, tested);
        List<Signal> out = new ArrayList<>();
        for (var e : now.entrySet()) {
            Theme t = themes.get(e.getKey());
            if (t == null || t.hidden()) {
                continue;
            }
            List<ThemeMention> list = e.getValue();
            long items = list.stream().map(ThemeMention::itemId).distinct().count();
            long observed = items;
            double[] h = past.getOrDefault(e.getKey(), new double[history.size()]);
            RobustBaseline b = RobustBaseline.of(h, params);
            double p = b.pValue(observed);
            if (observed < minCount || observed <= b.upper() || p >= level) {
                continue;
            }
            if (h.length > 0 && h[h.length - 1] >= minCount && h[h.length - 1] > b.upper()) {
                continue; // it crossed last week already: raised then, not again
            }
            out.add(signal(t, week, list, observed, b, p, level));
        }
        return out;
    }

    private Signal signal(Theme t, String week, List<ThemeMention> list, long observed, RobustBaseline b, double p, double level) {
        Map<Channel, Long> channels = new LinkedHashMap<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (ThemeMention m : list) {
            if (m.channel() != null) {
                channels.merge(m.channel(), 1L, Long::sum);
            }
            if (m.productVersion() != null && !m.productVersion().isBlank()) {
                versions.merge(m.productVersion(), 1L, Long::sum);
            }
            if (!ids.contains(m.itemId())) {
                ids.add(m.itemId());
            }
        }
        List<Channel> chList = channels.entrySet().stream().sorted(Map.Entry.<Channel, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        List<String> verList = versions.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey).limit(5).toList();
        boolean isNew = b.median() == 0 && b.mad() == 0;
        Severity sev = observed >= 2 * Math.max(b.upper(), minCount) ? Severity.CRITICAL : Severity.WARNING;
        String phrases = String.join("、", t.phrases().subList(0, Math.min(3, t.phrases().size())));
        Evidence ev = Evidence.builder()
                .figure("observed", observed)
                .figure("baselineMedian", b.median())
                .figure("baselineMad", b.mad())
                .figure("upperBound", b.upper())
                .figure("poissonPValue", p)
                .figure("pValueLevel", level)
                .figure("historyPeriods", b.n())
                .fact("theme", t.id())
                .fact("themeName", t.name())
                .fact("phrases", String.join(",", t.phrases()))
                .fact("channels", String.join(",", chList.stream().map(Channel::wireName).toList()))
                .fact("versions", String.join(",", verList))
                .fact("new", isNew)
                .fact("aspect", t.aspect())
                .drillDown("week", week)
                .drillDown("theme", t.id())
                .itemIds(ids)
                .build();
        return Signal.builder(SignalType.EMERGING_THEME)
                .severity(sev)
                .week(week)
                .channels(chList)
                .aspect(t.aspect())
                .subject(t.name()) // shown by name in alerts and incidents; the id is in the drill-down
                .title((isNew ? "新问题：" : "问题增多：") + t.name() + " " + observed + " 条负面（基线 " + fmt(b.median()) + "）")
                .description(String.format("主题「%s」（%s）在 %s 有 %d 条负面意见，过去 %d 周稳健基线上界 %.1f（中位数 %.1f）；渠道：%s%s。",
                        t.name(), phrases, week, observed, b.n(), b.upper(), b.median(),
                        String.join("、", chList.stream().map(Channel::wireName).toList()),
                        verList.isEmpty() ? "" : "；版本：" + String.join("、", verList)))
                .evidence(ev)
                .dedupWithoutChannels()
                .build();
    }

    /** Sorted by observed volume, for callers that show a short list. */
    public static Comparator<Signal> byVolume() {
        return Comparator.comparingDouble((Signal s) -> -s.evidence().figures().getOrDefault("observed", 0.0));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.1f", v);
    }
}
