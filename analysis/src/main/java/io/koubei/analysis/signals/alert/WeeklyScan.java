package io.koubei.analysis.signals.alert;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.ItemBuckets;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.Weeks;
import io.koubei.analysis.signals.astroturf.AstroturfDetector;
import io.koubei.analysis.signals.astroturf.AstroturfParams;
import io.koubei.analysis.signals.astroturf.AstroturfReport;
import io.koubei.analysis.signals.cocoon.CocoonDetector;
import io.koubei.analysis.signals.competitor.CompetitorComparison;
import io.koubei.analysis.signals.crosscheck.DivergenceDetector;
import io.koubei.analysis.signals.segment.Classification;
import io.koubei.analysis.signals.segment.CoreComplaintDetector;
import io.koubei.analysis.signals.segment.CoreUserClassifier;
import io.koubei.analysis.signals.survey.SurveyAlerts;
import io.koubei.analysis.signals.survey.SurveyMetrics;
import io.koubei.analysis.signals.trend.CountSeries;
import io.koubei.analysis.signals.trend.EventImpact;
import io.koubei.analysis.signals.trend.PeriodUnit;
import io.koubei.analysis.signals.trend.ProductEvent;
import io.koubei.analysis.signals.trend.SeriesKey;
import io.koubei.analysis.signals.trend.SilenceDetector;
import io.koubei.analysis.signals.trend.SpikeDetector;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Segment;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import io.koubei.core.time.CalendarKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every detector for one week over a scanned item list (the judged week plus
 * {@link ScanConfig#historyWeeks()} weeks before it) and returns the merged alert list. Pure: the caller
 * scans the store, and writes back flags/segments from the result if it wants to.
 *
 * <p>Astroturf runs first on raw items; every other detector then runs on the items without astroturf
 * flags (stored or just found), so a campaign neither fakes a glow nor a spike. Nothing is deleted.
 */
public final class WeeklyScan {
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
     * @param flaggedItemIds items the astroturf detector flagged this run (write {@link AstroturfParams#FLAG})
     * @param classes        author classifications as of the end of the week (write to Analysis.segment)
     */
    public record Result(String week, List<Signal> signals, AstroturfReport astroturf, Set<String> flaggedItemIds,
            Map<String, Classification> classes) {
    }

    public Result run(Collection<AnalyzedFeedback> items, String week, List<ProductEvent> events) {
        List<String> window = Weeks.endingAt(week, config.historyWeeks() + 1);
        Set<String> inWindow = new HashSet<>(window);
        List<AnalyzedFeedback> scoped = items.stream().filter(f -> inWindow.contains(f.week())).toList();
        List<Collection<Signal>> batches = new ArrayList<>();

        // Astroturf over the judged week and the one before it (a campaign may straddle Monday 00:00).
        Set<String> recent = Set.of(week, CalendarKeys.shiftWeek(week, -1));
        AstroturfReport astro = new AstroturfDetector(config.astroturf())
                .detect(scoped.stream().filter(f -> recent.contains(f.week())).toList());
        batches.add(astro.signals().stream().filter(s -> week.equals(s.week())).toList());
        Set<String> flagged = astro.flaggedItemIds();
        List<AnalyzedFeedback> clean = scoped.stream()
                .filter(f -> !flagged.contains(f.id()) && !f.analysis().flags().contains(AstroturfParams.FLAG)).toList();

        Instant weekEnd = calendar.weekStart(CalendarKeys.shiftWeek(week, 1));
        Map<String, Classification> classes = new CoreUserClassifier(config.coreUsers()).classifyAll(clean, weekEnd);
        batches.add(new CoreComplaintDetector(config.coreComplaint()).detect(clean, classes, week, config.dataStart()));

        batches.add(new SpikeDetector(config.baseline()).detect(negativeAspectSeries(clean), week, config.dataStart()));
        SilenceDetector silence = new SilenceDetector(config.baseline());
        List<Signal> weeklySilence = silence.detect(volumeSeries(clean), week, config.dataStart());
        batches.add(weeklySilence);
        batches.add(dailySilence(clean, week, weeklySilence));
        batches.add(silence.detect(coreNegativeSeries(clean, classes), week, config.dataStart()));

        DivergenceDetector divergence = new DivergenceDetector(config.divergence(), config.dataStart());
        BucketTable overall = ItemBuckets.aggregate(clean, List.of(Dimension.WEEK, Dimension.CHANNEL));
        BucketTable aspects = ItemBuckets.aggregate(clean, List.of(Dimension.WEEK, Dimension.CHANNEL, Dimension.ASPECT_POLARITY));
        batches.add(divergence.detect(overall, aspects, week, null));

        batches.add(new CocoonDetector(config.cocoon()).detect(scoped.stream()
                .filter(f -> recent.contains(f.week())).toList(), week).signals());

        SurveyMetrics survey = new SurveyMetrics(config.survey());
        Map<String, BucketStats> byWeek = SurveyMetrics.byWeek(clean);
        batches.add(SurveyAlerts.npsDrops(survey.nps(byWeek, List.of(week)), "全部渠道", null, null));
        batches.add(SurveyAlerts.csatDrops(survey.csat(byWeek, List.of(week)), "全部渠道", null, null));

        EventImpact impact = new EventImpact(config.events());
        Instant weekStart = calendar.weekStart(week);
        for (ProductEvent e : events) {
            // Judge an event once its after-window has closed, in the week that window ends.
            Instant due = e.at().plus(config.events().window());
            if (!due.isBefore(weekStart) && due.isBefore(weekEnd)) {
                batches.add(impact.compare(e, clean).signals().stream()
                        .map(s -> withWeek(s, week)).toList());
            }
        }

        if (config.roster() != null) {
            List<String> last4 = Weeks.endingAt(week, 4);
            List<String> prev4 = Weeks.endingAt(CalendarKeys.shiftWeek(week, -4), 4);
            List<AnalyzedFeedback> recent4 = sharedSources(clean.stream().filter(f -> last4.contains(f.week())).toList());
            List<AnalyzedFeedback> before4 = sharedSources(clean.stream().filter(f -> prev4.contains(f.week())).toList());
            batches.add(new CompetitorComparison(config.roster()).compareWithPrevious(
                    ItemBuckets.aggregate(recent4, List.of(Dimension.PRODUCT)),
                    ItemBuckets.aggregate(recent4, List.of(Dimension.PRODUCT, Dimension.ASPECT_POLARITY)),
                    ItemBuckets.aggregate(before4, List.of(Dimension.PRODUCT)),
                    ItemBuckets.aggregate(before4, List.of(Dimension.PRODUCT, Dimension.ASPECT_POLARITY)), week).signals());
        }
        return new Result(week, SignalDigest.merge(batches), astro, flagged, classes);
    }

    /**
     * Only sources that carry both our products and competitors': our tickets and forum have no competitor
     * counterpart, and comparing our complaint channels with a competitor's praise would be unfair.
     */
    private List<AnalyzedFeedback> sharedSources(List<AnalyzedFeedback> items) {
        Set<String> ours = new HashSet<>();
        Set<String> theirs = new HashSet<>();
        for (AnalyzedFeedback f : items) {
            var side = config.roster().sideOf(f.item().product());
            if (side == io.koubei.analysis.signals.competitor.ProductRoster.Side.OURS) {
                ours.add(f.item().source());
            } else if (side != null) {
                theirs.add(f.item().source());
            }
        }
        ours.retainAll(theirs);
        return items.stream().filter(f -> ours.contains(f.item().source())).toList();
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
    private List<Signal> dailySilence(List<AnalyzedFeedback> clean, String week, List<Signal> weekly) {
        String lastDay = clean.stream().map(AnalyzedFeedback::day).max(String::compareTo).orElse(null);
        if (lastDay == null) {
            return List.of();
        }
        String firstDay = CalendarKeys.mondayOf(week).toString();
        String dataStartDay = config.dataStart() == null ? null : CalendarKeys.mondayOf(config.dataStart()).toString();
        Set<String> already = new HashSet<>();
        weekly.forEach(s -> already.add(s.subject() + "|" + s.channels()));
        SilenceDetector daily = new SilenceDetector(config.baseline().forDays());
        List<CountSeries> series = volumeSeries(clean, PeriodUnit.DAY);
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

    /** Negative mentions per (channel, aspect, product). */
    static List<CountSeries> negativeAspectSeries(Collection<AnalyzedFeedback> items) {
        return CountSeries.fromItems(items, PeriodUnit.WEEK, f -> {
            Set<SeriesKey> keys = new LinkedHashSet<>();
            for (OpinionPoint o : f.analysis().opinions()) {
                if (o.polarity() == Polarity.NEGATIVE && o.aspect() != null) {
                    keys.add(SeriesKey.of(f.item().channel(), o.aspect(), f.item().product(), SeriesKey.NEGATIVE));
                }
            }
            return keys;
        });
    }

    /** Volume per channel and per source (a single source going quiet hides inside its channel). */
    static List<CountSeries> volumeSeries(Collection<AnalyzedFeedback> items) {
        return volumeSeries(items, PeriodUnit.WEEK);
    }

    static List<CountSeries> volumeSeries(Collection<AnalyzedFeedback> items, PeriodUnit unit) {
        return CountSeries.fromItems(items, unit, f -> f.item().fromOfficialAccount() ? Set.of()
                : Set.of(SeriesKey.of(f.item().channel(), null, null, SeriesKey.VOLUME),
                        new SeriesKey(f.item().channel(), f.item().source(), null, null, SeriesKey.VOLUME)));
    }

    /** Core users' negative items per channel. */
    static List<CountSeries> coreNegativeSeries(Collection<AnalyzedFeedback> items, Map<String, Classification> classes) {
        return CountSeries.fromItems(items, PeriodUnit.WEEK, f ->
                CoreUserClassifier.segmentOf(f, classes) == Segment.CORE
                        && f.analysis().sentiment().polarity() == Polarity.NEGATIVE
                        ? Set.of(SeriesKey.of(f.item().channel(), null, null, SeriesKey.CORE_NEGATIVE)) : Set.of());
    }
}
