package io.koubei.analysis.signals.segment;

import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.SampleText;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.trend.RobustBaseline;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Segment;
import io.koubei.core.time.CalendarKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * CORE_COMPLAINT: in one week, core users converge on a negative opinion point — the same (aspect, product)
 * named negatively by ≥ {@code minMentions} items from ≥ {@code minAuthors} core users, above that point's own
 * robust baseline of the preceding weeks. Core users are half experts: a detail they agree on is worth a
 * product owner's look even when mass sentiment has not moved.
 *
 * <p>Blind spots: a complaint that core users have voiced steadily for months is baseline, not news (see the
 * opinion point ranking for standing issues); core users who post elsewhere than the analysed channels
 * are unseen; requires items' segment (Analysis.segment) or a classification map.
 */
public final class CoreComplaintDetector {
    private final CoreComplaintParams params;

    public CoreComplaintDetector(CoreComplaintParams params) {
        this.params = params;
    }

    public CoreComplaintDetector() {
        this(CoreComplaintParams.DEFAULTS);
    }

    /** Weekly counts of core users' items negative about one (aspect, product); product null: items without one. */
    @FunctionalInterface
    public interface MentionHistory {
        /** Items per week (weeks without mentions may be absent). */
        Map<String, Long> weekly(String aspect, String product);
    }

    private record Key(String aspect, String product) {
    }

    /**
     * @param items     items covering the week and the baseline weeks before it
     * @param classes   author classifications for items without Analysis.segment (may be empty)
     * @param week      the week to judge
     * @param dataStart first week with data coverage, or null
     */
    public List<Signal> detect(Collection<AnalyzedFeedback> items, Map<String, Classification> classes, String week,
            String dataStart) {
        Map<Key, Map<String, Long>> byWeek = new HashMap<>();
        List<AnalyzedFeedback> weekItems = new ArrayList<>();
        for (AnalyzedFeedback f : items) {
            if (f.week().equals(week)) {
                weekItems.add(f);
            }
            if (CoreUserClassifier.segmentOf(f, classes) != Segment.CORE) {
                continue;
            }
            for (String aspect : negativeAspects(f)) {
                byWeek.computeIfAbsent(new Key(aspect, f.item().product()), x -> new TreeMap<>())
                        .merge(f.week(), 1L, Long::sum);
            }
        }
        return detect(weekItems, classes, week, dataStart,
                (aspect, product) -> byWeek.getOrDefault(new Key(aspect, product), Map.of()));
    }

    /**
     * The same judgement with the judged week's items in hand and the baseline weeks as counts (e.g. from store
     * aggregates): {@code history} is asked only for the points that pass the week's thresholds.
     *
     * @param weekItems the judged week's items (others are ignored)
     */
    public List<Signal> detect(Collection<AnalyzedFeedback> weekItems, Map<String, Classification> classes, String week,
            String dataStart, MentionHistory history) {
        Map<Key, List<AnalyzedFeedback>> nowByKey = new HashMap<>();
        Map<Key, List<String>> snippets = new HashMap<>();
        for (AnalyzedFeedback f : weekItems) {
            if (!f.week().equals(week) || CoreUserClassifier.segmentOf(f, classes) != Segment.CORE) {
                continue;
            }
            Set<String> aspects = new LinkedHashSet<>();
            for (OpinionPoint o : f.analysis().opinions()) {
                if (o.polarity() == Polarity.NEGATIVE && o.aspect() != null && aspects.add(o.aspect())) {
                    Key k = new Key(o.aspect(), f.item().product());
                    nowByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(f);
                    snippets.computeIfAbsent(k, x -> new ArrayList<>()).add(o.snippet() == null ? f.item().text() : o.snippet());
                }
            }
        }
        List<Signal> out = new ArrayList<>();
        for (Map.Entry<Key, List<AnalyzedFeedback>> e : nowByKey.entrySet()) {
            List<AnalyzedFeedback> now = e.getValue();
            Set<String> authors = new LinkedHashSet<>();
            now.forEach(f -> authors.add(f.item().authorId() == null ? f.id() : f.item().authorId()));
            if (now.size() < params.minMentions() || authors.size() < params.minAuthors()) {
                continue;
            }
            Map<String, Long> counts = history.weekly(e.getKey().aspect(), e.getKey().product());
            List<Double> hist = new ArrayList<>();
            for (int i = params.baseline().window(); i >= 1; i--) {
                String w = CalendarKeys.shiftWeek(week, -i);
                if (dataStart == null || w.compareTo(dataStart) >= 0) {
                    hist.add((double) counts.getOrDefault(w, 0L));
                }
            }
            if (hist.size() < params.baseline().minHistory()) {
                continue;
            }
            RobustBaseline b = RobustBaseline.of(hist.stream().mapToDouble(Double::doubleValue).toArray(), params.baseline());
            if (!b.isSpike(now.size(), params.baseline())) {
                continue;
            }
            out.add(signal(e.getKey().aspect(), e.getKey().product(), week, now, authors, b,
                    snippets.getOrDefault(e.getKey(), List.of())));
        }
        return out;
    }

    /** The weeks of the baseline a judgement of {@code week} reads. */
    public List<String> baselineWeeks(String week) {
        List<String> out = new ArrayList<>();
        for (int i = params.baseline().window(); i >= 1; i--) {
            out.add(CalendarKeys.shiftWeek(week, -i));
        }
        return out;
    }

    private static Set<String> negativeAspects(AnalyzedFeedback f) {
        Set<String> aspects = new LinkedHashSet<>();
        for (OpinionPoint o : f.analysis().opinions()) {
            if (o.polarity() == Polarity.NEGATIVE && o.aspect() != null) {
                aspects.add(o.aspect());
            }
        }
        return aspects;
    }

    private Signal signal(String aspect, String product, String week, List<AnalyzedFeedback> now, Set<String> authors,
            RobustBaseline b, List<String> snippets) {
        Map<String, Integer> versions = new TreeMap<>();
        Set<Channel> channels = new java.util.TreeSet<>();
        for (AnalyzedFeedback f : now) {
            versions.merge(f.item().productVersion() == null ? "未知" : f.item().productVersion(), 1, Integer::sum);
            channels.add(f.item().channel());
        }
        List<String> samples = new ArrayList<>(new LinkedHashSet<>(snippets)).stream().limit(5).map(SampleText::of).toList();
        String topVersion = versions.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        Evidence ev = Evidence.builder()
                .figure("mentions", now.size())
                .figure("coreAuthors", authors.size())
                .figure("baselineMedian", b.median())
                .figure("upperBound", b.upper())
                .figure("poissonPValue", b.pValue(now.size()))
                .figure("minMentions", params.minMentions())
                .figure("minAuthors", params.minAuthors())
                .fact("versions", versions)
                .fact("snippets", String.join(" ‖ ", samples))
                .drillDown("week", week).drillDown("segment", "core")
                .drillDown("aspect_polarity", aspect + ":negative").drillDown("product", product)
                .itemIds(now.stream().map(AnalyzedFeedback::id).toList())
                .build();
        return Signal.builder(SignalType.CORE_COMPLAINT)
                .severity(authors.size() >= 2 * params.minAuthors() ? Severity.CRITICAL : Severity.WARNING)
                .week(week).channels(List.copyOf(channels)).aspect(aspect).product(product)
                .title(String.format("核心用户集中吐槽「%s」：%d 人 %d 条", aspect, authors.size(), now.size()))
                .description(String.format("%s 周 %d 位核心用户 %d 次负面提及「%s」%s（此前每周中位数 %.1f）。主要版本：%s。例：%s",
                        week, authors.size(), now.size(), aspect, product == null ? "" : "（" + product + "）", b.median(),
                        topVersion, samples.isEmpty() ? "" : samples.get(0)))
                .evidence(ev)
                .dedupWithoutChannels()
                .build();
    }
}
