package io.koubei.dashboard.thisweek;

import io.koubei.analysis.metrics.Interval;
import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.metrics.NpsScore;
import io.koubei.analysis.metrics.Proportion;
import io.koubei.analysis.signals.survey.MetricChange;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.query.QueryService;
import io.koubei.dashboard.thisweek.ThisWeek.Change;
import io.koubei.dashboard.thisweek.ThisWeek.Finding;
import io.koubei.dashboard.thisweek.ThisWeek.Headline;
import io.koubei.dashboard.thisweek.ThisWeek.Kind;
import io.koubei.dashboard.thisweek.ThisWeek.Point;
import io.koubei.dashboard.thisweek.ThisWeek.StaleSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes {@link ThisWeek} from the store under the page's filters (week and date filters aside: the week shown is
 * the latest with data, or the one week the filters name). Three aggregates: week × channel × source (headline,
 * silence, divergence), week × aspect-polarity over the twelve weeks (aspects), day of the week shown (data up to).
 * Significance is the analysis module's: NPS and net sentiment differences by {@link NpsScore#differenceFrom}, shares
 * by {@link MetricChange} on {@link Proportion} variances.
 */
public class ThisWeekService {
    public static final int MAX_FINDINGS = 5;
    static final int TREND_WEEKS = 12;
    /** Weeks before the week shown that tell a source's usual cadence. */
    static final int CADENCE_WEEKS = 8;
    /** A channel's net sentiment must move at least this much (percentage points) to count as a divergence. */
    static final double DIVERGENCE_MIN_PP = 5;
    /** A source that sends less than this share of its weekly average of the 4 weeks before has nearly stopped. */
    static final double NEARLY_SILENT_SHARE = 0.25;
    static final long NEARLY_SILENT_MIN_WEEKLY = 20;

    private final QueryService queries;
    private final CalendarKeys calendar;
    private final Clock clock;
    private final IssueFeed issues;
    private final FindingText text;
    private final int minimumN;

    public ThisWeekService(QueryService queries, CalendarKeys calendar, Clock clock, IssueFeed issues, FindingText text) {
        this.queries = queries;
        this.calendar = calendar;
        this.clock = clock;
        this.issues = issues;
        this.text = text;
        this.minimumN = queries.minimumN();
    }

    /** Cached with the overview (until the next write), per filters, language and current week. */
    public ThisWeek thisWeek(FilterParams params, Locale locale) {
        String current = calendar.week(clock.instant());
        return queries.cached(List.of("thisWeek", params.toQueryString(), locale.getLanguage(), current),
                () -> compute(params, locale, current));
    }

    ThisWeek compute(FilterParams params, Locale locale, String currentWeek) {
        FilterParams base = params.without("week", "from", "to", "day");
        FeedbackFilter baseFilter = queries.filter(base);
        FeedbackStore store = queries.store();
        List<Bucket> cells = store.aggregate(new AggregateQuery(baseFilter,
                List.of(Dimension.WEEK, Dimension.CHANNEL, Dimension.SOURCE)));
        Map<String, BucketStats> weekly = new TreeMap<>();
        Map<String, Map<String, BucketStats>> byChannel = new TreeMap<>();
        Map<String, Map<String, BucketStats>> bySource = new TreeMap<>();
        for (Bucket b : cells) {
            String w = b.key().get(0);
            if (!w.matches("\\d{4}-W\\d{2}")) {
                continue;
            }
            weekly.merge(w, b.stats(), BucketStats::plus);
            byChannel.computeIfAbsent(b.key().get(1), k -> new TreeMap<>()).merge(w, b.stats(), BucketStats::plus);
            bySource.computeIfAbsent(b.key().get(2), k -> new TreeMap<>()).merge(w, b.stats(), BucketStats::plus);
        }
        String lastWithData = weekly.entrySet().stream().filter(e -> e.getValue().count() > 0)
                .map(Map.Entry::getKey).filter(w -> w.compareTo(currentWeek) <= 0)
                .max(Comparator.naturalOrder()).orElse(null);
        List<String> named = params.values().getOrDefault("week", List.of());
        String week = named.size() == 1 ? named.get(0)
                : lastWithData != null ? lastWithData : CalendarKeys.shiftWeek(currentWeek, -1);
        String dataUpTo = lastWithData == null ? null : lastDay(baseFilter, lastWithData);
        BucketStats now = weekly.getOrDefault(week, BucketStats.ZERO);
        boolean noData = now.count() == 0;

        // complete weeks after the last data (or after the week shown) in which nothing arrived at all
        List<String> weeksWithout = new ArrayList<>();
        String from = lastWithData == null ? week : (lastWithData.compareTo(week) < 0 ? lastWithData : week);
        for (String w = CalendarKeys.shiftWeek(from, 1); w.compareTo(currentWeek) < 0 && weeksWithout.size() < TREND_WEEKS;
                w = CalendarKeys.shiftWeek(w, 1)) {
            if (weekly.getOrDefault(w, BucketStats.ZERO).count() == 0) {
                weeksWithout.add(w);
            } else {
                break;
            }
        }
        if (noData && !weeksWithout.contains(week) && week.compareTo(currentWeek) < 0) {
            weeksWithout.add(0, week);
        }

        List<String> trailing = List.of(CalendarKeys.shiftWeek(week, -4), CalendarKeys.shiftWeek(week, -3),
                CalendarKeys.shiftWeek(week, -2), CalendarKeys.shiftWeek(week, -1));
        List<String> twelve = new ArrayList<>();
        for (int i = TREND_WEEKS - 1; i >= 0; i--) {
            twelve.add(CalendarKeys.shiftWeek(week, -i));
        }
        BucketStats prev = weekly.getOrDefault(trailing.get(3), BucketStats.ZERO);
        BucketStats four = sum(weekly, trailing);
        Headline headline = headline(now, prev, four);

        List<StaleSource> stale = staleSources(bySource, week);
        List<Finding> findings = new ArrayList<>();
        findings.addAll(silences(base, stale, bySource, trailing, twelve, locale));
        Set<String> toldAspects = new HashSet<>();
        if (!noData) {
            findings.addAll(aspects(base, baseFilter, weekly, week, trailing, twelve, locale, toldAspects));
            findings.addAll(divergence(base, byChannel, weekly, week, trailing, twelve, locale));
            Set<String> toldKinds = new HashSet<>();
            findings.forEach(f -> toldKinds.add(f.kind().name()));
            findings.addAll(alerts(params, base, week, twelve, toldAspects, toldKinds, locale));
        }
        findings.sort(Comparator.comparingDouble(Finding::score).reversed());
        List<Finding> top = findings.size() > MAX_FINDINGS ? List.copyOf(findings.subList(0, MAX_FINDINGS)) : findings;

        String statement = text.statement(locale, week, dataUpTo, noData, weeksWithout, stale);
        String summary = noData ? text.noDataSummary(locale, week, dataUpTo)
                : top.isEmpty() ? text.nothingSignificant(locale, now.count()) : null;
        return new ThisWeek(week, dataUpTo, noData, statement, weeksWithout, stale, headline, top, summary);
    }

    private String lastDay(FeedbackFilter base, String week) {
        FeedbackFilter f = base.toBuilder().week(week).build();
        return queries.store().aggregate(new AggregateQuery(f, List.of(Dimension.DAY))).stream()
                .filter(b -> b.stats().count() > 0).map(b -> b.key().get(0)).filter(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"))
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private Headline headline(BucketStats now, BucketStats prev, BucketStats four) {
        NpsScore n = NpsScore.of(now, minimumN);
        NpsScore p = NpsScore.of(prev, minimumN);
        NpsScore f = NpsScore.of(four, minimumN);
        NetSentiment ns = NetSentiment.of(now, minimumN);
        Change netChange = ns.n() == 0 || four.count() == 0 ? null
                : change(shape(now).differenceFrom(shape(four)));
        return new Headline(n.n() == 0 ? null : round(n.nps()), n.n() == 0 ? null : round(n.low()),
                n.n() == 0 ? null : round(n.high()), n.n(), n.sufficient(),
                n.n() == 0 || p.n() == 0 ? null : change(n.differenceFrom(p)),
                n.n() == 0 || f.n() == 0 ? null : change(n.differenceFrom(f)),
                ns.n() == 0 ? null : round(ns.value() * 100), netChange, now.count(), prev.count(),
                Math.round(four.count() / 4.0));
    }

    /** Net sentiment as NPS-shaped score (×100: percentage points), for its difference and interval. */
    private NpsScore shape(BucketStats s) {
        return NpsScore.of(s.positive(), s.neutral(), s.negative(), minimumN);
    }

    private static Change change(Interval i) {
        return new Change(round(i.value()), round(i.low()), round(i.high()), i.excludesZero());
    }

    /**
     * Sources with data in at least two of the {@value #CADENCE_WEEKS} weeks before the week shown whose silence,
     * up to and including it, is at least their usual gap between weeks with data.
     */
    List<StaleSource> staleSources(Map<String, Map<String, BucketStats>> bySource, String week) {
        List<StaleSource> out = new ArrayList<>();
        for (var e : bySource.entrySet()) {
            if (Dimension.NONE.equals(e.getKey())) {
                continue;
            }
            int active = 0;
            for (int i = 1; i <= CADENCE_WEEKS; i++) {
                if (e.getValue().getOrDefault(CalendarKeys.shiftWeek(week, -i), BucketStats.ZERO).count() > 0) {
                    active++;
                }
            }
            if (active < 2) {
                continue;
            }
            int usualGap = Math.max(1, (int) Math.round((double) CADENCE_WEEKS / active));
            int silent = 0;
            String last = null;
            for (int i = 0; i <= CADENCE_WEEKS; i++) {
                String w = CalendarKeys.shiftWeek(week, -i);
                if (e.getValue().getOrDefault(w, BucketStats.ZERO).count() > 0) {
                    last = w;
                    break;
                }
                silent++;
            }
            long now = e.getValue().getOrDefault(week, BucketStats.ZERO).count();
            long before = 0;
            for (int i = 1; i <= 4; i++) {
                before += e.getValue().getOrDefault(CalendarKeys.shiftWeek(week, -i), BucketStats.ZERO).count();
            }
            long mean = Math.round(before / 4.0);
            if (silent >= usualGap) {
                out.add(new StaleSource(e.getKey(), text.sourceName(e.getKey()), last, usualGap, 0, mean));
            } else if (now > 0 && mean >= NEARLY_SILENT_MIN_WEEKLY && now < NEARLY_SILENT_SHARE * mean) {
                out.add(new StaleSource(e.getKey(), text.sourceName(e.getKey()), week, usualGap, now, mean));
            }
        }
        return out;
    }

    private List<Finding> silences(FilterParams base, List<StaleSource> stale, Map<String, Map<String, BucketStats>> bySource,
            List<String> trailing, List<String> twelve, Locale locale) {
        long trailingAll = bySource.values().stream().mapToLong(m -> sum(m, trailing).count()).sum();
        List<Finding> out = new ArrayList<>();
        for (StaleSource s : stale) {
            Map<String, BucketStats> series = bySource.get(s.source());
            long before = sum(series, trailing).count();
            double share = trailingAll == 0 ? 0 : (double) before / trailingAll;
            String link = base.with("source", s.source()).with("week", String.join(",", trailing)).href("/search");
            out.add(new Finding(Kind.SILENCE, s.source(), 2 + Math.min(5, 10 * share),
                    s.nearlySilent() ? text.nearlySilent(locale, s) : text.silence(locale, s, Math.round(before / 4.0)),
                    link, counts(series, twelve), "items"));
        }
        return out;
    }

    /** Aspects whose negative share (negative mentions / items of the week) moved significantly against the four weeks before. */
    private List<Finding> aspects(FilterParams base, FeedbackFilter baseFilter, Map<String, BucketStats> weekly,
            String week, List<String> trailing, List<String> twelve, Locale locale, Set<String> told) {
        FeedbackFilter f = baseFilter.toBuilder().weeks(new HashSet<>(twelve)).build();
        Map<String, Map<String, Long>> negative = new TreeMap<>();
        for (Bucket b : queries.store().aggregate(new AggregateQuery(f, List.of(Dimension.WEEK, Dimension.ASPECT_POLARITY)))) {
            String key = b.key().get(1);
            if (!key.endsWith(":negative")) {
                continue;
            }
            negative.computeIfAbsent(key.substring(0, key.length() - ":negative".length()), k -> new HashMap<>())
                    .merge(b.key().get(0), b.stats().count(), Long::sum);
        }
        long n1 = weekly.getOrDefault(week, BucketStats.ZERO).count();
        long n0 = sum(weekly, trailing).count();
        if (n1 < minimumN || n0 < minimumN) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (var e : negative.entrySet()) {
            long x1 = e.getValue().getOrDefault(week, 0L);
            long x0 = trailing.stream().mapToLong(w -> e.getValue().getOrDefault(w, 0L)).sum();
            if (x1 + x0 < 5) {
                continue;
            }
            Proportion p1 = Proportion.wilson(x1, n1, minimumN);
            Proportion p0 = Proportion.wilson(x0, n0, minimumN);
            // the pooled share's variance on both sides: defined when one side is 0
            double pooled = (double) (x1 + x0) / (n1 + n0);
            MetricChange c = MetricChange.of(p1.value(), pooled * (1 - pooled) / n1, p0.value(), pooled * (1 - pooled) / n0);
            if (!c.significant()) {
                continue;
            }
            double pp = c.value() * 100;
            // a surge outranks an easing of the same size: the week's news is what got worse
            double score = 1 + Math.abs(pp) * (pp > 0 ? 1 : 0.5);
            String link = base.with("aspectPolarity", e.getKey() + ":negative").with("week", week).href("/search");
            List<Point> series = twelve.stream().map(w -> {
                long n = weekly.getOrDefault(w, BucketStats.ZERO).count();
                return new Point(w, n == 0 ? null : round(100.0 * e.getValue().getOrDefault(w, 0L) / n));
            }).toList();
            out.add(new Finding(Kind.ASPECT, e.getKey(), score,
                    text.aspect(locale, e.getKey(), p1.value() * 100, p0.value() * 100, pp, x1), link, series, "%"));
        }
        out.sort(Comparator.comparingDouble(Finding::score).reversed());
        List<Finding> top = out.size() > 3 ? out.subList(0, 3) : out;
        top.forEach(t -> told.add(t.subject()));
        return top;
    }

    /** The channel whose net sentiment moved most, significantly, while the other channels together did not follow. */
    private List<Finding> divergence(FilterParams base, Map<String, Map<String, BucketStats>> byChannel,
            Map<String, BucketStats> weekly, String week, List<String> trailing, List<String> twelve, Locale locale) {
        if (byChannel.size() < 2) {
            return List.of();
        }
        BucketStats allNow = weekly.getOrDefault(week, BucketStats.ZERO);
        BucketStats allBefore = sum(weekly, trailing);
        Finding best = null;
        for (var e : byChannel.entrySet()) {
            BucketStats now = e.getValue().getOrDefault(week, BucketStats.ZERO);
            BucketStats before = sum(e.getValue(), trailing);
            BucketStats restNow = allNow.minus(now);
            BucketStats restBefore = allBefore.minus(before);
            if (now.count() < minimumN || before.count() < minimumN || restNow.count() < minimumN || restBefore.count() < minimumN) {
                continue;
            }
            Interval d = shape(now).differenceFrom(shape(before));
            Interval rest = shape(restNow).differenceFrom(shape(restBefore));
            boolean restFollows = rest.excludesZero() && Math.signum(rest.value()) == Math.signum(d.value());
            if (!d.excludesZero() || restFollows || Math.abs(d.value()) < DIVERGENCE_MIN_PP) {
                continue;
            }
            // a channel moving on its own is news, but a surging problem behind it is the story: capped below surges
            double score = Math.min(4, Math.abs(d.value()) / 6);
            if (best == null || score > best.score()) {
                List<Point> series = twelve.stream().map(w -> {
                    BucketStats s = e.getValue().getOrDefault(w, BucketStats.ZERO);
                    return new Point(w, s.count() == 0 ? null : round(NetSentiment.of(s, minimumN).value() * 100));
                }).toList();
                best = new Finding(Kind.DIVERGENCE, e.getKey(), score, text.divergence(locale, e.getKey(),
                        NetSentiment.of(now, minimumN).value() * 100, d, rest),
                        base.with("channel", e.getKey()).with("week", week).href("/search"), series, "%");
            }
        }
        return best == null ? List.of() : List.of(best);
    }

    /** Open alerts of the week under the page's filters; one already told as an aspect finding is not repeated. */
    private List<Finding> alerts(FilterParams params, FilterParams base, String week, List<String> twelve,
            Set<String> toldAspects, Set<String> toldKinds, Locale locale) {
        List<String> products = params.values().getOrDefault("product", List.of());
        List<String> channels = params.values().getOrDefault("channel", List.of());
        List<String> aspects = params.values().getOrDefault("aspect", List.of());
        List<OpenIssue> open = issues.openIn(week).stream()
                .filter(i -> products.isEmpty() || i.product() == null || products.contains(i.product()))
                .filter(i -> aspects.isEmpty() || i.aspect() == null || aspects.contains(i.aspect()))
                .filter(i -> channels.isEmpty() || i.channels().isEmpty() || i.channels().stream().anyMatch(channels::contains))
                .filter(i -> i.aspect() == null || !toldAspects.contains(i.aspect()))
                // a silence or divergence this overview found itself is told once, as its own finding
                .filter(i -> !toldKinds.contains(i.typeKey()))
                .sorted(Comparator.comparingInt(OpenIssue::rank).reversed().thenComparing(OpenIssue::id))
                .toList();
        // one finding per subject: the same product, aspect and channels alerted by several detectors is told once
        Set<String> subjects = new LinkedHashSet<>();
        List<Finding> out = new ArrayList<>();
        for (OpenIssue i : open) {
            if (out.size() >= 3 || !subjects.add(i.product() + "|" + i.aspect() + "|" + new TreeSet<>(i.channels()))) {
                continue;
            }
            FilterParams narrowed = base;
            if (i.product() != null) {
                narrowed = narrowed.with("product", i.product());
            }
            if (i.aspect() != null) {
                narrowed = narrowed.with("aspect", i.aspect());
            }
            if (i.channels().size() == 1) {
                narrowed = narrowed.with("channel", i.channels().get(0));
            }
            FeedbackFilter f = queries.filter(narrowed).toBuilder().weeks(new HashSet<>(twelve)).build();
            Map<String, BucketStats> series = new HashMap<>();
            queries.store().aggregate(new AggregateQuery(f, List.of(Dimension.WEEK)))
                    .forEach(b -> series.put(b.key().get(0), b.stats()));
            out.add(new Finding(Kind.ALERT, i.id(), 1.5 + i.rank() + (i.worsened() ? 0.5 : 0), text.alert(locale, i),
                    narrowed.with("week", week).href("/search"), counts(series, twelve), "items"));
        }
        return out;
    }

    private static List<Point> counts(Map<String, BucketStats> series, List<String> weeks) {
        return weeks.stream().map(w -> new Point(w, (double) series.getOrDefault(w, BucketStats.ZERO).count())).toList();
    }

    private static BucketStats sum(Map<String, BucketStats> m, List<String> weeks) {
        BucketStats t = BucketStats.ZERO;
        for (String w : weeks) {
            t = t.plus(m.getOrDefault(w, BucketStats.ZERO));
        }
        return t;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
