package io.koubei.analysis.signals.alert;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.Weeks;
import io.koubei.analysis.signals.astroturf.AstroturfDetector;
import io.koubei.analysis.signals.astroturf.AstroturfParams;
import io.koubei.analysis.signals.astroturf.AstroturfReport;
import io.koubei.analysis.signals.cocoon.CocoonDetector;
import io.koubei.analysis.signals.competitor.CompetitorComparison;
import io.koubei.analysis.signals.crosscheck.DivergenceDetector;
import io.koubei.analysis.signals.scan.ScanSource;
import io.koubei.analysis.signals.segment.AuthorProfile;
import io.koubei.analysis.signals.segment.AuthorProfiles;
import io.koubei.analysis.signals.segment.Classification;
import io.koubei.analysis.signals.segment.CoreComplaintDetector;
import io.koubei.analysis.signals.segment.CoreUserClassifier;
import io.koubei.analysis.signals.segment.CoreUserRules;
import io.koubei.analysis.signals.survey.SurveyAlerts;
import io.koubei.analysis.signals.survey.SurveyMetrics;
import io.koubei.analysis.signals.trend.CountSeries;
import io.koubei.analysis.signals.trend.EventComparison;
import io.koubei.analysis.signals.trend.EventImpact;
import io.koubei.analysis.signals.trend.PeriodUnit;
import io.koubei.analysis.signals.trend.ProductEvent;
import io.koubei.analysis.signals.trend.SeriesKey;
import io.koubei.analysis.signals.trend.SilenceDetector;
import io.koubei.analysis.signals.trend.SpikeDetector;
import io.koubei.core.feedback.Analysis;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Segment;
import io.koubei.core.feedback.Sentiment;
import io.koubei.core.feedback.Verdicts;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.time.CalendarKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs every detector for one week and returns the merged alert list. The detectors read a {@link ScanSource}: bucket
 * counts (store aggregations) over the judged week plus {@link ScanConfig#historyWeeks()} weeks before it, and items
 * only where they must — astroturf and cocoon over the judged week and the week before, the core complaints' samples of
 * the judged week — so the scan's cost grows with buckets, not items. {@link #run(Collection, String, List)} is the
 * same scan over an item list, pure (for tests and tools).
 *
 * <p>Astroturf runs first on raw items and its flags are written back through the source; every other detector then
 * reads only items without astroturf flags (stored or just found: {@code excludeFlags=astroturf}), so a campaign neither
 * fakes a glow nor a spike. Nothing is deleted.
 */
public final class WeeklyScan {
    private static final Set<String> ASTROTURF = Set.of(AstroturfParams.FLAG);
    private static final int EVENT_EXAMPLE_IDS = 50;
    private final ScanConfig config;
    private final CalendarKeys calendar;

    public WeeklyScan(ScanConfig config, CalendarKeys calendar) {
        this.config = config;
        this.calendar = calendar;
    }

    public WeeklyScan() {
        this(ScanConfig.defaults(), CalendarKeys.defaultZone());
    }

    /**
     * @param flaggedItemIds items the astroturf detector flagged this run ({@link AstroturfParams#FLAG})
     * @param classes        author classifications as of the end of the week (write to Analysis.segment)
     * @param flagsWritten   flags this run added through the source (items flagged before are not counted)
     * @param itemsRead      items the bounded reads visited
     */
    public record Result(String week, List<Signal> signals, AstroturfReport astroturf, Set<String> flaggedItemIds,
            Map<String, Classification> classes, int flagsWritten, int itemsRead) {
    }

    /**
     * The scan over an item list (the judged week and its history; others are ignored). Pure: the items are not
     * changed, the flags found are only in the result; authors are classified from the window's clean items.
     */
    public Result run(Collection<AnalyzedFeedback> items, String week, List<ProductEvent> events) {
        Set<String> inWindow = new HashSet<>(window(week));
        ScanSource source = ScanSource.ofItems(items.stream().filter(f -> inWindow.contains(f.week())).toList());
        return run(source, week, events, (asOf, rules) -> {
            List<AnalyzedFeedback> clean = new ArrayList<>();
            source.scan(cleanWindow(week).build(), clean::add);
            return AuthorProfile.build(clean, asOf, rules);
        });
    }

    /**
     * The scan over a source. Writes the astroturf flags it finds through {@link ScanSource#updateVerdicts} before
     * anything is counted (segments are the caller's to write: see {@link Result#classes()}).
     *
     * @param profiles authors' behaviour for the core/mass classification at the end of the week; the item path
     *                 classifies on the window's items without astroturf flags
     */
    public Result run(ScanSource source, String week, List<ProductEvent> events, AuthorProfiles profiles) {
        List<String> window = window(week);
        List<Collection<Signal>> batches = new ArrayList<>();

        // Astroturf over the judged week and the one before it (a campaign may straddle Monday 00:00).
        Set<String> recentWeeks = Set.of(week, CalendarKeys.shiftWeek(week, -1));
        List<AnalyzedFeedback> recent = new ArrayList<>();
        source.scan(FeedbackFilter.builder().weeks(recentWeeks).build(), f -> recent.add(compact(f)));
        AstroturfReport astro = new AstroturfDetector(config.astroturf()).detect(recent);
        batches.add(astro.signals().stream().filter(s -> week.equals(s.week())).toList());
        Set<String> flagged = astro.flaggedItemIds();
        Map<String, Verdicts> flags = new LinkedHashMap<>();
        for (AnalyzedFeedback f : recent) {
            if (flagged.contains(f.id()) && !f.analysis().flags().contains(AstroturfParams.FLAG)) {
                flags.put(f.id(), f.analysis().verdicts().withFlag(AstroturfParams.FLAG));
            }
        }
        if (!flags.isEmpty()) {
            source.updateVerdicts(flags);
        }
        batches.add(new CocoonDetector(config.cocoon()).detect(recent, week).signals());
        List<AnalyzedFeedback> weekClean = recent.stream().filter(f -> week.equals(f.week()) && !flagged.contains(f.id())
                && !f.analysis().flags().contains(AstroturfParams.FLAG)).toList();
        int itemsRead = recent.size();
        recent.clear(); // only the judged week's clean items stay

        FeedbackFilter clean = cleanWindow(week).build();
        Instant weekEnd = calendar.weekStart(CalendarKeys.shiftWeek(week, 1));
        CoreUserClassifier classifier = new CoreUserClassifier(config.coreUsers());
        Map<String, Classification> classes = new LinkedHashMap<>();
        profiles.asOf(weekEnd, activityWithin(config.coreUsers(), calendar.weekStart(window.get(0)), weekEnd))
                .forEach((id, p) -> classes.put(id, classifier.classify(p)));
        CoreComplaintDetector core = new CoreComplaintDetector(config.coreComplaint());
        batches.add(core.detect(weekClean, classes, week, config.dataStart(),
                (aspect, product) -> coreMentions(source, clean, core.baselineWeeks(week), aspect, product, classes)));

        BucketTable overall = source.aggregate(clean, List.of(Dimension.WEEK, Dimension.CHANNEL));
        batches.add(new SpikeDetector(config.baseline()).detect(negativeAspectSeries(source, clean, overall), week,
                config.dataStart()));
        SilenceDetector silence = new SilenceDetector(config.baseline());
        List<Signal> weeklySilence = silence.detect(volumeSeries(source, clean, PeriodUnit.WEEK), week, config.dataStart());
        batches.add(weeklySilence);
        batches.add(dailySilence(source, clean, week, weeklySilence));
        batches.add(silence.detect(coreNegativeSeries(source, clean, classes), week, config.dataStart()));

        DivergenceDetector divergence = new DivergenceDetector(config.divergence(), config.dataStart());
        BucketTable aspects = source.aggregate(clean, List.of(Dimension.WEEK, Dimension.CHANNEL, Dimension.ASPECT_POLARITY));
        batches.add(divergence.detect(overall, aspects, week, null));

        SurveyMetrics survey = new SurveyMetrics(config.survey());
        Map<String, BucketStats> byWeek = SurveyMetrics.byWeek(source.aggregate(clean, List.of(Dimension.WEEK)));
        batches.add(SurveyAlerts.npsDrops(survey.nps(byWeek, List.of(week)), "全部渠道", null, null));
        batches.add(SurveyAlerts.csatDrops(survey.csat(byWeek, List.of(week)), "全部渠道", null, null));

        EventImpact impact = new EventImpact(config.events());
        Instant weekStart = calendar.weekStart(week);
        for (ProductEvent e : events) {
            // Judge an event once its after-window has closed, in the week that window ends.
            Instant due = e.at().plus(config.events().window());
            if (!due.isBefore(weekStart) && due.isBefore(weekEnd)) {
                batches.add(eventImpact(source, impact, e, window).signals().stream()
                        .map(s -> withWeek(s, week)).toList());
            }
        }

        if (config.roster() != null) {
            Set<String> inWindow = new HashSet<>(window);
            batches.add(new CompetitorComparison(config.roster()).compareWithPrevious(
                    competitorTable(source, clean, Weeks.endingAt(week, 4), inWindow, false),
                    competitorTable(source, clean, Weeks.endingAt(week, 4), inWindow, true),
                    competitorTable(source, clean, Weeks.endingAt(CalendarKeys.shiftWeek(week, -4), 4), inWindow, false),
                    competitorTable(source, clean, Weeks.endingAt(CalendarKeys.shiftWeek(week, -4), 4), inWindow, true),
                    week).signals());
        }
        return new Result(week, SignalDigest.merge(batches), astro, flagged, classes, flags.size(), itemsRead);
    }

    /**
     * The item as the bounded-read detectors need it: without its index tokens and the sentiment's explanation, which
     * none of them reads (the store has no projection; this keeps the two weeks held to what is used).
     */
    static AnalyzedFeedback compact(AnalyzedFeedback f) {
        Analysis a = f.analysis();
        Sentiment s = a.sentiment();
        Analysis slim = new Analysis(List.of(), new Sentiment(s.polarity(), s.score(), List.of()), a.opinions(),
                a.npsClass(), a.segment(), a.simhash(), a.flags(), a.analyzerVersion());
        return new AnalyzedFeedback(f.item(), slim, f.week(), f.day());
    }

    /**
     * The rules with their activity window clipped to the scanned weeks: the scan has always classified authors on the
     * weeks it reads (the history window, shorter than the rules' 90 days by default), so a week's verdicts do not
     * depend on data the scan does not otherwise see. {@code AuthorProfile.build} counts (asOf − window, asOf]: one
     * nanosecond more keeps the first scanned instant.
     */
    static CoreUserRules activityWithin(CoreUserRules r, Instant from, Instant asOf) {
        java.time.Duration span = java.time.Duration.between(from, asOf).plusNanos(1);
        if (span.compareTo(r.window()) >= 0) {
            return r;
        }
        return new CoreUserRules(span, r.minLevel(), r.minTenureDays(), r.minPosts(), r.minReplies(),
                r.minTechnicalShare(), r.minItemsForVocabulary(), r.technicalVocabulary(), r.betaTags(), r.betaFields(),
                r.minCriteria(), r.betaAlone());
    }

    private List<String> window(String week) {
        return Weeks.endingAt(week, config.historyWeeks() + 1);
    }

    /** The judged week and its history, without astroturf. */
    private FeedbackFilter.Builder cleanWindow(String week) {
        return FeedbackFilter.builder().weeks(new HashSet<>(window(week))).excludeFlags(ASTROTURF);
    }

    private static FeedbackFilter.Builder with(FeedbackFilter f) {
        return f.toBuilder();
    }

    /**
     * Only sources that carry both our products and competitors': our tickets and forum have no competitor
     * counterpart, and comparing our complaint channels with a competitor's praise would be unfair.
     */
    private BucketTable competitorTable(ScanSource source, FeedbackFilter clean, List<String> weeks, Set<String> inWindow,
            boolean byAspect) {
        Set<String> scope = new HashSet<>(weeks);
        scope.retainAll(inWindow);
        List<Dimension> dims = byAspect ? List.of(Dimension.PRODUCT, Dimension.ASPECT_POLARITY) : List.of(Dimension.PRODUCT);
        FeedbackFilter f = with(clean).weeks(scope).build();
        Set<String> ours = new HashSet<>();
        Set<String> theirs = new HashSet<>();
        BucketTable sources = scope.isEmpty() ? BucketTable.of(List.of(Dimension.SOURCE, Dimension.PRODUCT), List.of())
                : source.aggregate(f, List.of(Dimension.SOURCE, Dimension.PRODUCT));
        for (Bucket b : sources.buckets()) {
            var side = config.roster().sideOf(noneAsNull(sources.value(b, Dimension.PRODUCT)));
            if (side == io.koubei.analysis.signals.competitor.ProductRoster.Side.OURS) {
                ours.add(sources.value(b, Dimension.SOURCE));
            } else if (side != null) {
                theirs.add(sources.value(b, Dimension.SOURCE));
            }
        }
        ours.retainAll(theirs);
        if (ours.isEmpty()) {
            return BucketTable.of(dims, List.of());
        }
        return source.aggregate(with(f).sources(ours).build(), dims);
    }

    private static String noneAsNull(String v) {
        return v == null || Dimension.NONE.equals(v) ? null : v;
    }

    private static Signal withWeek(Signal s, String week) {
        return new Signal(s.type(), s.severity(), week, s.day(), s.channels(), s.aspect(), s.product(), s.subject(),
                s.title(), s.description(), s.evidence(), null);
    }

    /**
     * Volume silence on day series, so a channel going quiet is seen within days, not only after two quiet weeks.
     * Reported once, on the first day of the judged week it holds, and only when it is new this week (not already
     * true on the day before the week) and the weekly detector has not said it already. Days after the last item
     * scanned are not judged (the data ends there; that is no silence).
     */
    private List<Signal> dailySilence(ScanSource source, FeedbackFilter clean, String week, List<Signal> weekly) {
        String lastDay = null;
        for (String d : source.aggregate(clean, List.of(Dimension.DAY)).values(Dimension.DAY)) {
            if (!Dimension.NONE.equals(d) && (lastDay == null || d.compareTo(lastDay) > 0)) {
                lastDay = d;
            }
        }
        if (lastDay == null) {
            return List.of();
        }
        String firstDay = CalendarKeys.mondayOf(week).toString();
        String dataStartDay = config.dataStart() == null ? null : CalendarKeys.mondayOf(config.dataStart()).toString();
        Set<String> already = new HashSet<>();
        weekly.forEach(s -> already.add(s.subject() + "|" + s.channels()));
        SilenceDetector daily = new SilenceDetector(config.baseline().forDays());
        List<CountSeries> series = volumeSeries(source, clean, PeriodUnit.DAY);
        daily.detect(series, PeriodUnit.DAY.shift(firstDay, -1), dataStartDay)
                .forEach(s -> already.add(s.subject() + "|" + s.channels()));
        List<Signal> out = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String day = PeriodUnit.DAY.shift(firstDay, i);
            if (day.compareTo(lastDay) > 0) {
                break;
            }
            for (Signal s : daily.detect(series, day, dataStartDay)) {
                if (already.add(s.subject() + "|" + s.channels())) {
                    out.add(withWeek(s, week));
                }
            }
        }
        return out;
    }

    private static Channel channel(BucketTable t, Bucket b) {
        return Channel.fromWire(t.value(b, Dimension.CHANNEL)).orElse(null);
    }

    /** Negative mentions per (channel, aspect, product): WEEK × PRODUCT × ASPECT_POLARITY per channel with data. */
    static List<CountSeries> negativeAspectSeries(ScanSource source, FeedbackFilter clean, BucketTable weekByChannel) {
        List<CountSeries> out = new ArrayList<>();
        for (String wire : weekByChannel.values(Dimension.CHANNEL)) {
            Channel c = Channel.fromWire(wire).orElse(null);
            if (c == null) {
                continue;
            }
            BucketTable t = source.aggregate(with(clean).channel(c).build(),
                    List.of(Dimension.WEEK, Dimension.PRODUCT, Dimension.ASPECT_POLARITY));
            out.addAll(CountSeries.fromTable(t, PeriodUnit.WEEK, b -> {
                String ap = t.value(b, Dimension.ASPECT_POLARITY);
                String suffix = ":" + Polarity.NEGATIVE.wireName();
                return ap.endsWith(suffix) ? SeriesKey.of(c, ap.substring(0, ap.length() - suffix.length()),
                        noneAsNull(t.value(b, Dimension.PRODUCT)), SeriesKey.NEGATIVE) : null;
            }, BucketStats::count));
        }
        return out;
    }

    /** Volume per channel and per source (a single source going quiet hides inside its channel); officials excluded. */
    static List<CountSeries> volumeSeries(ScanSource source, FeedbackFilter clean, PeriodUnit unit) {
        Dimension period = unit == PeriodUnit.WEEK ? Dimension.WEEK : Dimension.DAY;
        FeedbackFilter voices = with(clean).official(false).build();
        BucketTable channels = source.aggregate(voices, List.of(period, Dimension.CHANNEL));
        BucketTable sources = source.aggregate(voices, List.of(period, Dimension.CHANNEL, Dimension.SOURCE));
        List<CountSeries> out = new ArrayList<>(CountSeries.fromTable(channels, unit,
                b -> SeriesKey.of(channel(channels, b), null, null, SeriesKey.VOLUME), BucketStats::count));
        out.addAll(CountSeries.fromTable(sources, unit, b -> {
            String src = sources.value(b, Dimension.SOURCE);
            return Dimension.NONE.equals(src) ? null
                    : new SeriesKey(channel(sources, b), src, null, null, SeriesKey.VOLUME);
        }, BucketStats::count));
        return out;
    }

    /**
     * Core users' negative items per channel: negative items by WEEK × CHANNEL × AUTHOR, an author counting as
     * {@code classes} judge them; authors not classified (and anonymous items) count by their stored segment.
     */
    static List<CountSeries> coreNegativeSeries(ScanSource source, FeedbackFilter clean, Map<String, Classification> classes) {
        FeedbackFilter negative = with(clean).polarity(Polarity.NEGATIVE).build();
        List<Dimension> dims = List.of(Dimension.WEEK, Dimension.CHANNEL, Dimension.AUTHOR);
        BucketTable all = source.aggregate(negative, dims);
        BucketTable storedCore = source.aggregate(with(negative).segments(Set.of(Segment.CORE)).build(), dims);
        Map<SeriesKey, Map<String, Long>> acc = new LinkedHashMap<>();
        for (Bucket b : all.buckets()) {
            Classification c = classes.get(all.value(b, Dimension.AUTHOR));
            if (c != null && c.segment() == Segment.CORE) {
                acc.computeIfAbsent(SeriesKey.of(channel(all, b), null, null, SeriesKey.CORE_NEGATIVE), k -> new TreeMap<>())
                        .merge(all.value(b, Dimension.WEEK), b.stats().count(), Long::sum);
            }
        }
        for (Bucket b : storedCore.buckets()) {
            if (!classes.containsKey(storedCore.value(b, Dimension.AUTHOR))) {
                acc.computeIfAbsent(SeriesKey.of(channel(storedCore, b), null, null, SeriesKey.CORE_NEGATIVE),
                        k -> new TreeMap<>()).merge(storedCore.value(b, Dimension.WEEK), b.stats().count(), Long::sum);
            }
        }
        List<CountSeries> out = new ArrayList<>();
        acc.forEach((k, v) -> out.add(new CountSeries(k, PeriodUnit.WEEK, v, Map.of())));
        return out;
    }

    /**
     * Core users' items negative about (aspect, product) per baseline week: WEEK × AUTHOR × SEGMENT of those items,
     * each author counted as {@code classes} judge them, else by the item's stored segment. Items without a product
     * cannot be selected by a filter: they are visited (counted, not kept).
     */
    static Map<String, Long> coreMentions(ScanSource source, FeedbackFilter clean, List<String> baselineWeeks,
            String aspect, String product, Map<String, Classification> classes) {
        Set<String> weeks = new HashSet<>(baselineWeeks);
        weeks.retainAll(clean.weeks());
        Map<String, Long> out = new TreeMap<>();
        if (weeks.isEmpty()) {
            return out;
        }
        FeedbackFilter.Builder f = with(clean).weeks(weeks)
                .aspectPolarities(Set.of(aspect + ":" + Polarity.NEGATIVE.wireName()));
        if (product == null) {
            source.scan(f.build(), item -> {
                if (item.item().product() == null && CoreUserClassifier.segmentOf(item, classes) == Segment.CORE) {
                    out.merge(item.week(), 1L, Long::sum);
                }
            });
            return out;
        }
        BucketTable t = source.aggregate(f.product(product).build(),
                List.of(Dimension.WEEK, Dimension.AUTHOR, Dimension.SEGMENT));
        for (Bucket b : t.buckets()) {
            Classification c = classes.get(t.value(b, Dimension.AUTHOR));
            String stored = t.value(b, Dimension.SEGMENT);
            boolean core = c != null ? c.segment() == Segment.CORE : Segment.CORE.wireName().equals(stored);
            if (core) {
                out.merge(t.value(b, Dimension.WEEK), b.stats().count(), Long::sum);
            }
        }
        return out;
    }

    /** An event's before/after comparison from counts over its windows (inside the scanned weeks, clean). */
    private EventComparison eventImpact(ScanSource source, EventImpact impact, ProductEvent e, List<String> window) {
        FeedbackFilter before = impact.scope(e, false).weeks(new HashSet<>(window)).excludeFlags(ASTROTURF).build();
        FeedbackFilter after = impact.scope(e, true).weeks(new HashSet<>(window)).excludeFlags(ASTROTURF).build();
        return impact.compare(e, eventWindow(source, before), eventWindow(source, after), aspect -> {
            List<String> ids = new ArrayList<>();
            source.scan(with(after).aspectPolarities(Set.of(aspect + ":" + Polarity.NEGATIVE.wireName())).build(), f -> {
                if (ids.size() < EVENT_EXAMPLE_IDS) {
                    ids.add(f.id());
                }
            });
            return ids;
        });
    }

    private static EventImpact.Window eventWindow(ScanSource source, FeedbackFilter f) {
        BucketStats stats = BucketStats.ZERO;
        for (Bucket b : source.aggregate(f, List.of()).buckets()) {
            stats = stats.plus(b.stats());
        }
        Map<String, Long> negative = new TreeMap<>();
        String suffix = ":" + Polarity.NEGATIVE.wireName();
        BucketTable t = source.aggregate(f, List.of(Dimension.ASPECT_POLARITY));
        for (Bucket b : t.buckets()) {
            String ap = t.value(b, Dimension.ASPECT_POLARITY);
            if (ap.endsWith(suffix)) {
                negative.merge(ap.substring(0, ap.length() - suffix.length()), b.stats().count(), Long::sum);
            }
        }
        return new EventImpact.Window(stats, negative);
    }
}
