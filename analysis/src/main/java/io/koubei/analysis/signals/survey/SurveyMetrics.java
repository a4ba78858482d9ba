package io.koubei.analysis.signals.survey;

import io.koubei.analysis.metrics.NpsScore;
import io.koubei.analysis.metrics.Proportion;
import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.Weeks;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Survey metrics per week with week-over-week and vs-trailing comparisons (metrics.md): NPS (adjusted-Wald),
 * CSAT (share of 4–5 with Wilson interval, plus the mean) and proportions read from survey fields
 * (first-recommendation rate, awareness, preference, first mention). The trailing reference pools the answers
 * of the trailing weeks (a sample-size-weighted average), so its variance is that of the pooled sample.
 *
 * <p>Blind spots: weeks with different respondent mixes (channel, segment) are compared as if comparable;
 * pooling weights busy weeks more than a plain mean of weekly scores would; proportions use a normal
 * approximation for the difference.
 */
public final class SurveyMetrics {
    private final SurveyParams params;

    public SurveyMetrics(SurveyParams params) {
        this.params = params;
    }

    public SurveyMetrics() {
        this(SurveyParams.DEFAULTS);
    }

    public SurveyParams params() {
        return params;
    }

    /** Per-week stats from a table grouped by WEEK (other dimensions are summed). */
    public static Map<String, BucketStats> byWeek(BucketTable table) {
        table.require("SurveyMetrics", Dimension.WEEK);
        return table.sumBy(Dimension.WEEK, b -> true);
    }

    /** Per-week stats from items. */
    public static Map<String, BucketStats> byWeek(Collection<AnalyzedFeedback> items) {
        Map<String, BucketStats> out = new HashMap<>();
        items.forEach(f -> out.merge(f.week(), BucketStats.of(f), BucketStats::plus));
        return out;
    }

    /** NPS for each of {@code weeks} (missing weeks: no answers). */
    public List<WeeklyNps> nps(Map<String, BucketStats> byWeek, List<String> weeks) {
        List<WeeklyNps> out = new ArrayList<>();
        for (String w : weeks) {
            NpsScore now = NpsScore.of(stats(byWeek, w), params.minimumN());
            NpsScore prev = NpsScore.of(stats(byWeek, Weeks.before(w, 1).get(0)), params.minimumN());
            NpsScore trailing = NpsScore.of(pooled(byWeek, w), params.minimumN());
            out.add(new WeeklyNps(w, now, now.sufficient() && prev.sufficient() ? MetricChange.of(now.differenceFrom(prev)) : null,
                    trailing, now.sufficient() && trailing.sufficient() ? MetricChange.of(now.differenceFrom(trailing)) : null));
        }
        return out;
    }

    /** CSAT (share satisfied, 4–5 of 1–5) for each week. */
    public List<WeeklyProportion> csat(Map<String, BucketStats> byWeek, List<String> weeks) {
        List<WeeklyProportion> out = new ArrayList<>();
        for (String w : weeks) {
            BucketStats s = stats(byWeek, w);
            BucketStats prev = stats(byWeek, Weeks.before(w, 1).get(0));
            BucketStats trailing = pooled(byWeek, w);
            out.add(weekly("csat", w, Proportion.wilson(s.csatSatisfied(), s.csatCount(), params.minimumN()),
                    s.csatCount() == 0 ? Double.NaN : s.csatSum() / s.csatCount(),
                    Proportion.wilson(prev.csatSatisfied(), prev.csatCount(), params.minimumN()),
                    Proportion.wilson(trailing.csatSatisfied(), trailing.csatCount(), params.minimumN())));
        }
        return out;
    }

    /** A field-based proportion (first recommendation, awareness …) for each week, from survey items. */
    public List<WeeklyProportion> proportion(SurveyQuestion q, Collection<AnalyzedFeedback> items, List<String> weeks) {
        Map<String, long[]> counts = new HashMap<>();
        for (AnalyzedFeedback f : items) {
            Boolean a = q.answer(f.item());
            if (a != null) {
                long[] c = counts.computeIfAbsent(f.week(), k -> new long[2]);
                c[0] += a ? 1 : 0;
                c[1]++;
            }
        }
        List<WeeklyProportion> out = new ArrayList<>();
        for (String w : weeks) {
            long[] now = counts.getOrDefault(w, new long[2]);
            long[] prev = counts.getOrDefault(Weeks.before(w, 1).get(0), new long[2]);
            long[] tr = new long[2];
            for (String t : Weeks.before(w, params.trailingWeeks())) {
                long[] c = counts.getOrDefault(t, new long[2]);
                tr[0] += c[0];
                tr[1] += c[1];
            }
            out.add(weekly(q.metric(), w, Proportion.wilson(now[0], now[1], params.minimumN()), Double.NaN,
                    Proportion.wilson(prev[0], prev[1], params.minimumN()),
                    Proportion.wilson(tr[0], tr[1], params.minimumN())));
        }
        return out;
    }

    /** One overall proportion per question over all given items. */
    public Map<String, Proportion> proportions(List<SurveyQuestion> questions, Collection<AnalyzedFeedback> items) {
        Map<String, Proportion> out = new java.util.LinkedHashMap<>();
        for (SurveyQuestion q : questions) {
            long yes = 0;
            long n = 0;
            for (AnalyzedFeedback f : items) {
                Boolean a = q.answer(f.item());
                if (a != null) {
                    n++;
                    yes += a ? 1 : 0;
                }
            }
            out.put(q.metric(), Proportion.wilson(yes, n, params.minimumN()));
        }
        return out;
    }

    private WeeklyProportion weekly(String metric, String week, Proportion now, double mean, Proportion prev,
            Proportion trailing) {
        return new WeeklyProportion(metric, week, now, mean, compare(now, prev), trailing, compare(now, trailing));
    }

    private static MetricChange compare(Proportion now, Proportion ref) {
        if (!now.sufficient() || !ref.sufficient()) {
            return null;
        }
        return MetricChange.of(now.value(), now.variance(), ref.value(), ref.variance());
    }

    private static BucketStats stats(Map<String, BucketStats> byWeek, String w) {
        return byWeek.getOrDefault(w, BucketStats.ZERO);
    }

    private BucketStats pooled(Map<String, BucketStats> byWeek, String w) {
        BucketStats s = BucketStats.ZERO;
        for (String t : Weeks.before(w, params.trailingWeeks())) {
            s = s.plus(stats(byWeek, t));
        }
        return s;
    }
}
