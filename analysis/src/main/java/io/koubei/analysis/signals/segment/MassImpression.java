package io.koubei.analysis.signals.segment;

import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.signals.BucketTable;
import io.koubei.core.store.Dimension;
import io.koubei.analysis.metrics.NpsScore;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.store.BucketStats;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Mass users' impression (印象面): the overall net sentiment / NPS trend and the aspects on which their
 * feedback clusters ("the product points on which mass feedback clusters have the highest guiding value").
 * Pass mass users' items.
 *
 * <p>Blind spots: mass users who never write (the silent majority) are only heard through surveys; an
 * aspect "cluster" is a count of mentions, so a widely used feature is mentioned more for good and bad.
 */
public final class MassImpression {
    private MassImpression() {
    }

    public record WeekPoint(String week, long items, NetSentiment netSentiment, NpsScore nps) {
    }

    /**
     * @param share         share of mass items mentioning the aspect
     * @param negativeShare share of those mentions that are negative
     */
    public record AspectCluster(String aspect, long mentions, double share, long negative, double negativeShare,
            List<String> exampleIds) {
    }

    public record Impression(List<WeekPoint> trend, List<AspectCluster> clusters, long items) {
    }

    /**
     * The same impression from the store's counts, no item read: {@code byWeek} grouped by WEEK, {@code byAspect} by
     * ASPECT and {@code byAspectPolarity} by ASPECT_POLARITY, all over the mass items of {@code weeks}. An item counts
     * once per aspect it names and once as negative on it (the dimensions' semantics), exactly as {@link #of}. The
     * clusters carry no example ids (the page links to the filter instead).
     */
    public static Impression of(BucketTable byWeek, BucketTable byAspect, BucketTable byAspectPolarity, List<String> weeks,
            int minimumN, int maxAspects) {
        byWeek.require("mass impression", Dimension.WEEK);
        byAspect.require("mass impression", Dimension.ASPECT);
        byAspectPolarity.require("mass impression", Dimension.ASPECT_POLARITY);
        Set<String> wanted = new HashSet<>(weeks);
        Map<String, BucketStats> weekly = byWeek.sumBy(Dimension.WEEK, b -> wanted.contains(byWeek.value(b, Dimension.WEEK)));
        long n = weekly.values().stream().mapToLong(BucketStats::count).sum();
        List<WeekPoint> trend = new ArrayList<>();
        for (String w : weeks) {
            BucketStats s = weekly.getOrDefault(w, BucketStats.ZERO);
            trend.add(new WeekPoint(w, s.count(), NetSentiment.of(s, minimumN), NpsScore.of(s, minimumN)));
        }
        String negative = ":" + Polarity.NEGATIVE.wireName();
        Map<String, Long> negatives = new HashMap<>();
        byAspectPolarity.sumBy(Dimension.ASPECT_POLARITY, b -> true).forEach((key, s) -> {
            if (key.endsWith(negative)) {
                negatives.put(key.substring(0, key.length() - negative.length()), s.count());
            }
        });
        List<AspectCluster> clusters = new ArrayList<>();
        byAspect.sumBy(Dimension.ASPECT, b -> !Dimension.NONE.equals(byAspect.value(b, Dimension.ASPECT))).forEach((a, s) -> {
            long neg = negatives.getOrDefault(a, 0L);
            clusters.add(new AspectCluster(a, s.count(), n == 0 ? 0 : (double) s.count() / n, neg,
                    (double) neg / s.count(), List.of()));
        });
        clusters.sort(Comparator.comparingLong(AspectCluster::mentions).reversed().thenComparing(AspectCluster::aspect));
        return new Impression(trend, clusters.subList(0, Math.min(maxAspects, clusters.size())), n);
    }

    public static Impression of(Collection<AnalyzedFeedback> items, List<String> weeks, int minimumN, int maxAspects) {
        Map<String, BucketStats> byWeek = new TreeMap<>();
        Map<String, long[]> aspects = new HashMap<>();
        Map<String, List<String>> ids = new HashMap<>();
        Set<String> wanted = new HashSet<>(weeks);
        long n = 0;
        for (AnalyzedFeedback f : items) {
            if (!wanted.contains(f.week())) {
                continue;
            }
            n++;
            byWeek.merge(f.week(), BucketStats.of(f), BucketStats::plus);
            Map<String, Boolean> negative = new HashMap<>();
            for (OpinionPoint o : f.analysis().opinions()) {
                if (o.aspect() != null) {
                    negative.merge(o.aspect(), o.polarity() == Polarity.NEGATIVE, Boolean::logicalOr);
                }
            }
            negative.forEach((a, neg) -> {
                long[] c = aspects.computeIfAbsent(a, k -> new long[2]);
                c[0]++;
                c[1] += neg ? 1 : 0;
                List<String> l = ids.computeIfAbsent(a, k -> new ArrayList<>());
                if (l.size() < 20) {
                    l.add(f.id());
                }
            });
        }
        List<WeekPoint> trend = new ArrayList<>();
        for (String w : weeks) {
            BucketStats s = byWeek.getOrDefault(w, BucketStats.ZERO);
            trend.add(new WeekPoint(w, s.count(), NetSentiment.of(s, minimumN), NpsScore.of(s, minimumN)));
        }
        long total = n;
        List<AspectCluster> clusters = new ArrayList<>();
        aspects.forEach((a, c) -> clusters.add(new AspectCluster(a, c[0], total == 0 ? 0 : (double) c[0] / total, c[1],
                (double) c[1] / c[0], ids.get(a))));
        clusters.sort(Comparator.comparingLong(AspectCluster::mentions).reversed().thenComparing(AspectCluster::aspect));
        return new Impression(trend, clusters.subList(0, Math.min(maxAspects, clusters.size())), n);
    }
}
