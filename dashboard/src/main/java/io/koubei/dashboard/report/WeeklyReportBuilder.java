package io.koubei.dashboard.report;

import io.koubei.analysis.metrics.Interval;
import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.metrics.NpsScore;
import io.koubei.core.privacy.PiiMasker;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.Segment;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.SearchQuery;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.report.WeeklyReport.AspectCount;
import io.koubei.dashboard.report.WeeklyReport.Change;
import io.koubei.dashboard.report.WeeklyReport.Coverage;
import io.koubei.dashboard.report.WeeklyReport.Driver;
import io.koubei.dashboard.report.WeeklyReport.Headline;
import io.koubei.dashboard.report.WeeklyReport.Impression;
import io.koubei.dashboard.report.WeeklyReport.Note;
import io.koubei.dashboard.report.WeeklyReport.Opinion;
import io.koubei.dashboard.report.WeeklyReport.Row;
import io.koubei.dashboard.report.WeeklyReport.Verbatim;
import io.koubei.dashboard.report.WeeklyReport.WeekPoint;
import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.Weeks;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.analysis.signals.astroturf.AstroturfParams;
import io.koubei.analysis.signals.cocoon.CocoonDetector;
import io.koubei.analysis.signals.cocoon.CocoonParams;
import io.koubei.analysis.signals.cocoon.ScopeConcentration;
import io.koubei.analysis.signals.crosscheck.DivergenceDetector;
import io.koubei.analysis.signals.crosscheck.DivergenceParams;
import io.koubei.dashboard.report.WeeklyReport.Integrity;
import io.koubei.dashboard.report.WeeklyReport.Voices;
import java.time.Clock;
import java.util.HashSet;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Computes the weekly NPS report from store aggregates; signal notes come from a {@link ReportNotes} source. */
public class WeeklyReportBuilder {
    private static final int TREND_WEEKS = 12;

    private final FeedbackStore store;
    private final CalendarKeys calendar;
    private final int minimumN;
    private final ReportNotes notes;
    private final Clock clock;
    private final Supplier<ScanConfig> detectors;
    private ReportThemes themes = ReportThemes.NONE;

    public WeeklyReportBuilder(FeedbackStore store, CalendarKeys calendar, int minimumN, ReportNotes notes, Clock clock) {
        this(store, calendar, minimumN, notes, clock, ScanConfig::defaults);
    }

    /**
     * @param detectors divergence and concentration thresholds, as the detectors use them (settings page), and the
     *                  data start
     */
    public WeeklyReportBuilder(FeedbackStore store, CalendarKeys calendar, int minimumN, ReportNotes notes, Clock clock,
            Supplier<ScanConfig> detectors) {
        this.store = store;
        this.calendar = calendar;
        this.minimumN = minimumN;
        this.notes = notes;
        this.clock = clock;
        this.detectors = detectors;
    }

    /** Where the "new this week" themes come from (none by default). */
    public WeeklyReportBuilder withThemes(ReportThemes themes) {
        this.themes = themes == null ? ReportThemes.NONE : themes;
        return this;
    }

    /** The last complete ISO week before now, in the team's zone. */
    public String lastCompleteWeek() {
        return CalendarKeys.shiftWeek(calendar.week(clock.instant()), -1);
    }

    /**
     * The week a report opens on when none is asked for: the latest complete week that has data (a source that
     * stops sending must not make every default report empty); the last complete week when no week has data.
     */
    public String defaultWeek() {
        String last = lastCompleteWeek();
        return byKey(FeedbackFilter.ALL, Dimension.WEEK).entrySet().stream()
                .filter(e -> e.getValue().count() > 0 && e.getKey().matches("\\d{4}-W\\d{2}") && e.getKey().compareTo(last) <= 0)
                .map(Map.Entry::getKey).max(Comparator.naturalOrder()).orElse(last);
    }

    public WeeklyReport build(String week, String product) {
        FeedbackFilter base = product == null ? FeedbackFilter.ALL : FeedbackFilter.builder().product(product).build();
        String last = CalendarKeys.shiftWeek(week, -1);
        List<String> trailing = List.of(CalendarKeys.shiftWeek(week, -4), CalendarKeys.shiftWeek(week, -3),
                CalendarKeys.shiftWeek(week, -2), last);

        Map<String, BucketStats> weekly = byKey(base, Dimension.WEEK);
        BucketStats now = weekly.getOrDefault(week, BucketStats.ZERO);
        BucketStats prev = weekly.getOrDefault(last, BucketStats.ZERO);
        BucketStats four = trailing.stream().map(w -> weekly.getOrDefault(w, BucketStats.ZERO)).reduce(BucketStats.ZERO, BucketStats::plus);
        NpsScore npsNow = NpsScore.of(now, minimumN);
        Headline headline = new Headline(npsNow, NpsScore.of(prev, minimumN), NpsScore.of(four, minimumN),
                change(npsNow, NpsScore.of(prev, minimumN)), change(npsNow, NpsScore.of(four, minimumN)),
                NetSentiment.of(now, minimumN), now.count());

        List<WeekPoint> trend = new ArrayList<>();
        for (int i = TREND_WEEKS - 1; i >= 0; i--) {
            String w = CalendarKeys.shiftWeek(week, -i);
            BucketStats s = weekly.getOrDefault(w, BucketStats.ZERO);
            trend.add(new WeekPoint(w, NpsScore.of(s, minimumN), NetSentiment.of(s, minimumN), s.count()));
        }

        FeedbackFilter thisWeek = base.toBuilder().week(week).build();
        List<Row> byChannel = rows(base, week, last, Dimension.CHANNEL);
        List<Row> byProduct = rows(base, week, last, Dimension.PRODUCT);
        // two user groups that add up to the week's volume: core users, and everyone else (mass, incl. unclassified)
        List<Row> bySegment = rows(base, week, last, Dimension.SEGMENT,
                k -> Segment.CORE.wireName().equals(k) ? k : Segment.MASS.wireName());
        List<Coverage> coverage = byKey(thisWeek, Dimension.CHANNEL).entrySet().stream()
                .map(e -> new Coverage(e.getKey(), e.getValue().count(), e.getValue().npsResponses(),
                        e.getValue().npsResponses() >= minimumN))
                .toList();

        ScanConfig config = detectors.get();
        return new WeeklyReport(week, product, clock.instant(), minimumN, headline, trend, byChannel, byProduct, bySegment,
                drivers(thisWeek), coreOpinions(thisWeek), impression(base, week, last),
                notes.notesFor(week, product), divergences(base, week, product, config), integrity(thisWeek),
                voices(base, week, config), verbatims(thisWeek), coverage, silence(base, week, trailing, weekly),
                notes.openFor(week, product), themes.newFor(week, product).stream().limit(ReportThemes.LIMIT).toList());
    }

    /** Which sources went quiet this week (items in the four weeks before, none now), and whether all did. */
    private WeeklyReport.Silence silence(FeedbackFilter base, String week, List<String> trailing, Map<String, BucketStats> weekly) {
        Map<String, BucketStats> before = byKey(base.toBuilder().weeks(new HashSet<>(trailing)).build(), Dimension.SOURCE);
        Map<String, BucketStats> now = byKey(base.toBuilder().week(week).build(), Dimension.SOURCE);
        List<String> quiet = before.entrySet().stream()
                .filter(e -> e.getValue().count() > 0 && now.getOrDefault(e.getKey(), BucketStats.ZERO).count() == 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, BucketStats> e) -> -e.getValue().count())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).filter(k -> !Dimension.NONE.equals(k)).toList();
        String lastWithData = weekly.entrySet().stream()
                .filter(e -> e.getValue().count() > 0 && e.getKey().compareTo(week) <= 0)
                .map(Map.Entry::getKey).max(Comparator.naturalOrder()).orElse(null);
        boolean noData = weekly.getOrDefault(week, BucketStats.ZERO).count() == 0;
        return new WeeklyReport.Silence(noData, quiet, lastWithData);
    }

    /** The detector's cross-channel divergences of the week, recomputed here (also those below alerting severity). */
    private List<Note> divergences(FeedbackFilter base, String week, String product, ScanConfig config) {
        DivergenceParams p = config.divergence();
        FeedbackFilter f = base.toBuilder().weeks(new HashSet<>(Weeks.endingAt(week, p.recentWeeks() + p.baselineWeeks())))
                .excludeFlags(Set.of(AstroturfParams.FLAG)).build();
        List<Dimension> overallDims = List.of(Dimension.WEEK, Dimension.CHANNEL);
        List<Dimension> aspectDims = List.of(Dimension.WEEK, Dimension.CHANNEL, Dimension.ASPECT_POLARITY);
        BucketTable overall = BucketTable.of(overallDims, store.aggregate(new AggregateQuery(f, overallDims)));
        BucketTable aspects = BucketTable.of(aspectDims, store.aggregate(new AggregateQuery(f, aspectDims)));
        return new DivergenceDetector(p, config.dataStart()).detect(overall, aspects, week, product).stream()
                .map(sig -> new Note("渠道背离", sig.title(), sig.description(), new WeeklyReport.Subject(sig.type().name(),
                        sig.channels().stream().map(c -> c.wireName()).toList(), sig.aspect(), sig.product(), sig.subject()), null, null))
                .toList();
    }

    private Integrity integrity(FeedbackFilter thisWeek) {
        BucketStats all = total(thisWeek);
        BucketStats flagged = total(thisWeek.toBuilder().flags(Set.of(AstroturfParams.FLAG)).build());
        BucketStats clean = all.minus(flagged);
        return new Integrity(all.count(), flagged.count(), NpsScore.of(all, minimumN), NpsScore.of(clean, minimumN),
                NetSentiment.of(all, minimumN), NetSentiment.of(clean, minimumN));
    }

    /** Per channel: how few accounts carry the week's voice (the cocoon detector's measure, same thresholds). */
    private List<Voices> voices(FeedbackFilter base, String week, ScanConfig config) {
        List<AnalyzedFeedback> items = new ArrayList<>();
        store.scan(base.toBuilder().weeks(Set.of(week, CalendarKeys.shiftWeek(week, -1))).build(), items::add);
        CocoonParams p = config.cocoon();
        return new CocoonDetector(p).detect(items, week).scopes().stream()
                .filter(sc -> sc.kind() == ScopeConcentration.Kind.CHANNEL)
                .map(sc -> {
                    var c = sc.concentration();
                    boolean enough = sc.items() >= p.minItems() && c.voices() >= p.minVoices();
                    boolean concentrated = c.cr10() >= p.cr10Alert() || c.effectiveVoices() <= p.maxEffectiveVoices();
                    return new Voices(sc.scope(), sc.items(), c.voices(), c.cr10(), c.hhi(), c.effectiveVoices(),
                            enough && concentrated, enough);
                })
                .toList();
    }

    Change change(NpsScore a, NpsScore b) {
        if (a.n() == 0 || b.n() == 0) {
            return new Change(new Interval(Double.NaN, Double.NaN, Double.NaN), false, false, "无可比数据", "no comparable data");
        }
        Interval d = a.differenceFrom(b);
        boolean significant = d.excludesZero();
        boolean comparable = a.sufficient() && b.sufficient();
        String delta = String.format(Locale.ROOT, "%+.0f", d.value()).replace('-', '−');
        String zh = delta + " 分，" + (!comparable ? "样本不足" : significant ? "显著" : "不显著");
        String en = delta + " pts, " + (!comparable ? "insufficient data" : significant ? "significant" : "not significant");
        return new Change(d, significant, comparable, zh, en);
    }

    private List<Row> rows(FeedbackFilter base, String week, String last, Dimension dim) {
        return rows(base, week, last, dim, k -> k);
    }

    /** Rows of one dimension; {@code group} maps a key to the row it counts in (keys mapped alike are added up). */
    private List<Row> rows(FeedbackFilter base, String week, String last, Dimension dim,
            java.util.function.UnaryOperator<String> group) {
        Map<String, BucketStats> now = byKey(base.toBuilder().week(week).build(), dim, group);
        Map<String, BucketStats> before = byKey(base.toBuilder().week(last).build(), dim, group);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, BucketStats> e : now.entrySet()) {
            NpsScore n = NpsScore.of(e.getValue(), minimumN);
            NpsScore b = NpsScore.of(before.getOrDefault(e.getKey(), BucketStats.ZERO), minimumN);
            rows.add(new Row(e.getKey(), e.getValue().count(), n, NetSentiment.of(e.getValue(), minimumN), change(n, b)));
        }
        rows.sort(Comparator.comparingLong(Row::volume).reversed());
        return rows;
    }

    private List<Driver> drivers(FeedbackFilter thisWeek) {
        FeedbackFilter respondents = thisWeek.toBuilder().ratingScale(RatingScale.NPS).build();
        List<Bucket> buckets = store.aggregate(new AggregateQuery(respondents, List.of(Dimension.NPS_CLASS, Dimension.ASPECT_POLARITY)));
        Map<String, BucketStats> classes = byKey(respondents, Dimension.NPS_CLASS);
        long promoters = classes.getOrDefault(NpsClass.PROMOTER.wireName(), BucketStats.ZERO).count();
        long detractors = classes.getOrDefault(NpsClass.DETRACTOR.wireName(), BucketStats.ZERO).count();
        long n = classes.values().stream().mapToLong(BucketStats::count).sum();
        Map<String, long[]> byAspect = new HashMap<>(); // [det neg, pro neg, det pos, pro pos]
        for (Bucket b : buckets) {
            String cls = b.key().get(0);
            String ap = b.key().get(1);
            int colon = ap.lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            String aspect = ap.substring(0, colon);
            String pol = ap.substring(colon + 1);
            long[] c = byAspect.computeIfAbsent(aspect, k -> new long[4]);
            boolean det = cls.equals(NpsClass.DETRACTOR.wireName());
            boolean pro = cls.equals(NpsClass.PROMOTER.wireName());
            if (pol.equals(Polarity.NEGATIVE.wireName())) {
                c[0] += det ? b.stats().count() : 0;
                c[1] += pro ? b.stats().count() : 0;
            } else if (pol.equals(Polarity.POSITIVE.wireName())) {
                c[2] += det ? b.stats().count() : 0;
                c[3] += pro ? b.stats().count() : 0;
            }
        }
        Comparator<Driver> strongestFirst = Comparator.comparingDouble((Driver d) -> -(Math.abs(d.detractorShare() - d.promoterShare())))
                .thenComparing(Driver::aspect);
        List<Driver> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byAspect.entrySet()) {
            long[] c = e.getValue();
            double dShareNeg = detractors == 0 ? 0 : (double) c[0] / detractors;
            double pShareNeg = promoters == 0 ? 0 : (double) c[1] / promoters;
            double dSharePos = detractors == 0 ? 0 : (double) c[2] / detractors;
            double pSharePos = promoters == 0 ? 0 : (double) c[3] / promoters;
            List<Driver> both = new ArrayList<>(2);
            if (c[0] > 0 && dShareNeg > pShareNeg) {
                Double without = n == 0 ? null : 100.0 * (promoters - (detractors - c[0])) / n;
                both.add(new Driver(e.getKey(), "down", detractors, c[0], promoters, c[1], dShareNeg, pShareNeg, without));
            }
            if (c[3] > 0 && pSharePos > dSharePos) {
                both.add(new Driver(e.getKey(), "up", detractors, c[2], promoters, c[3], dSharePos, pSharePos, null));
            }
            // one driver per aspect: where it pulls hardest (an aspect praised by promoters and blamed by detractors)
            both.stream().min(strongestFirst).ifPresent(out::add);
        }
        out.sort(strongestFirst);
        return out.stream().limit(12).toList();
    }

    private List<Opinion> coreOpinions(FeedbackFilter thisWeek) {
        FeedbackFilter core = thisWeek.toBuilder().segments(Set.of(Segment.CORE)).build();
        List<Opinion> out = new ArrayList<>();
        for (Map.Entry<String, BucketStats> e : byKey(core, Dimension.ASPECT_POLARITY).entrySet()) {
            if (e.getKey().endsWith(":" + Polarity.NEUTRAL.wireName()) || Dimension.NONE.equals(e.getKey())) {
                continue;
            }
            int colon = e.getKey().lastIndexOf(':');
            // the latest whole sentence that holds this opinion and says something (not a fragment like "同样的问题")
            var page = store.search(new SearchQuery(core.toBuilder().aspectPolarities(Set.of(e.getKey())).build(), 0, 10));
            AnalyzedFeedback latest = null;
            String snippet = null;
            for (AnalyzedFeedback a : page.items()) {
                String sentence = Quotes.sentenceWith(a.item().text(), a.analysis().opinions().stream()
                        .filter(o -> o.aspectPolarityKey().equals(e.getKey())).map(o -> o.snippet()).findFirst().orElse(null));
                if (latest == null || Quotes.length(snippet) < Quotes.MIN_LENGTH && Quotes.length(sentence) > Quotes.length(snippet)) {
                    latest = a;
                    snippet = sentence;
                }
            }
            out.add(new Opinion(e.getKey().substring(0, colon), e.getKey().substring(colon + 1), e.getValue().count(),
                    snippet == null ? null : PiiMasker.mask(abbreviate(snippet, 120)), latest == null ? null : latest.id(),
                    latest == null ? null : latest.day()));
        }
        out.sort(Comparator.comparingLong(Opinion::count).reversed().thenComparing(Opinion::latestDay,
                Comparator.nullsLast(Comparator.reverseOrder())));
        return out.stream().limit(10).toList();
    }

    private Impression impression(FeedbackFilter base, String week, String last) {
        FeedbackFilter coreOnly = base.toBuilder().segments(Set.of(Segment.CORE)).build();
        BucketStats all = total(base.toBuilder().week(week).build());
        BucketStats core = total(coreOnly.toBuilder().week(week).build());
        BucketStats allLast = total(base.toBuilder().week(last).build());
        BucketStats coreLast = total(coreOnly.toBuilder().week(last).build());
        BucketStats mass = all.minus(core);
        Map<String, BucketStats> aspects = byKey(base.toBuilder().week(week).build(), Dimension.ASPECT);
        Map<String, BucketStats> coreAspects = byKey(coreOnly.toBuilder().week(week).build(), Dimension.ASPECT);
        Map<String, BucketStats> negAspects = byKey(base.toBuilder().week(week).polarity(Polarity.NEGATIVE).build(), Dimension.ASPECT);
        Map<String, BucketStats> coreNegAspects = byKey(coreOnly.toBuilder().week(week).polarity(Polarity.NEGATIVE).build(), Dimension.ASPECT);
        List<AspectCount> clustered = aspects.entrySet().stream()
                .filter(e -> !Dimension.NONE.equals(e.getKey()))
                .map(e -> new AspectCount(e.getKey(),
                        e.getValue().count() - coreAspects.getOrDefault(e.getKey(), BucketStats.ZERO).count(),
                        negAspects.getOrDefault(e.getKey(), BucketStats.ZERO).count()
                                - coreNegAspects.getOrDefault(e.getKey(), BucketStats.ZERO).count()))
                .filter(a -> a.count() > 0)
                .sorted(Comparator.comparingLong(AspectCount::count).reversed())
                .limit(8).toList();
        return new Impression(mass.count(), NetSentiment.of(mass, minimumN), NetSentiment.of(allLast.minus(coreLast), minimumN),
                NpsScore.of(mass, minimumN), clustered);
    }

    private List<Verbatim> verbatims(FeedbackFilter thisWeek) {
        List<Verbatim> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Polarity p : List.of(Polarity.NEGATIVE, Polarity.POSITIVE)) {
            // representative opinion sentences (not "暂无建议"): NPS answers first, then any channel
            FeedbackFilter f = thisWeek.toBuilder().polarity(p).ratingScale(RatingScale.NPS).build();
            List<AnalyzedFeedback> items = representative(store.search(new SearchQuery(f, 0, 30)).items(), p);
            if (items.isEmpty()) {
                items = representative(store.search(new SearchQuery(thisWeek.toBuilder().polarity(p).build(), 0, 30)).items(), p);
            }
            for (AnalyzedFeedback a : items) {
                if (seen.add(a.id()) && !a.item().text().isBlank()) {
                    out.add(new Verbatim(a.id(), a.item().channel().wireName(), a.item().source(), p.wireName(),
                            a.item().rating() == null ? null : a.item().rating().value(),
                            PiiMasker.mask(abbreviate(a.item().text(), 200))));
                }
            }
        }
        return out;
    }

    private static List<AnalyzedFeedback> representative(List<AnalyzedFeedback> items, Polarity p) {
        return items.stream().filter(a -> Quotes.representative(a, p.wireName())).limit(3).toList();
    }

    private Map<String, BucketStats> byKey(FeedbackFilter filter, Dimension dim) {
        return byKey(filter, dim, k -> k);
    }

    private Map<String, BucketStats> byKey(FeedbackFilter filter, Dimension dim, java.util.function.UnaryOperator<String> group) {
        return store.aggregate(new AggregateQuery(filter, List.of(dim))).stream()
                .collect(Collectors.toMap(b -> group.apply(b.key().get(0)), Bucket::stats, BucketStats::plus, java.util.TreeMap::new));
    }

    private BucketStats total(FeedbackFilter filter) {
        List<Bucket> b = store.aggregate(new AggregateQuery(filter, List.of()));
        return b.isEmpty() ? BucketStats.ZERO : b.get(0).stats();
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** Where the signal sections (divergences, alerts, astroturf, concentration) come from. */
    public interface ReportNotes {
        List<Note> notesFor(String week, String product);

        /** Alerts still open at the week (raised that week or before and not resolved), most urgent first. */
        default List<WeeklyReport.FollowUp> openFor(String week, String product) {
            return List.of();
        }

        ReportNotes NONE = (w, p) -> List.of();
    }
}
