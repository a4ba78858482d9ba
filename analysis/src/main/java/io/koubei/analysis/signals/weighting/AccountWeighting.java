package io.koubei.analysis.signals.weighting;

import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.metrics.NpsScore;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Weighted metrics: astroturf-flagged items excluded, each account's weight per topic per week capped, so
 * neither a campaign nor one tireless poster sets the picture. Both raw and weighted are returned.
 *
 * <p>Blind spots: the cap needs author ids (anonymous items are never capped); an account that spreads its
 * posts over many products or weeks stays under the cap; the interval of a weighted metric uses the Kish
 * effective sample size, an approximation.
 */
public final class AccountWeighting {
    private static final double Z = 1.959963984540054;
    private final WeightingParams params;

    public AccountWeighting(WeightingParams params) {
        this.params = params;
    }

    public AccountWeighting() {
        this(WeightingParams.DEFAULTS);
    }

    /**
     * @param excludedIds further items to exclude (e.g. {@code AstroturfReport.flaggedItemIds()} before the
     *                    flags were written back to the store); may be empty
     */
    public WeightPlan plan(Collection<AnalyzedFeedback> items, Set<String> excludedIds) {
        Set<String> excluded = new TreeSet<>();
        Map<String, List<AnalyzedFeedback>> groups = new LinkedHashMap<>();
        for (AnalyzedFeedback f : items) {
            boolean flagged = excludedIds.contains(f.id())
                    || f.analysis().flags().stream().anyMatch(params.excludeFlags()::contains);
            if (flagged) {
                excluded.add(f.id());
                continue;
            }
            String author = f.item().authorId();
            if (author == null) {
                continue;
            }
            String key = author + "\u0000" + topicOf(f) + "\u0000" + f.week();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        Map<String, Double> weights = new HashMap<>();
        List<WeightPlan.AccountCap> caps = new ArrayList<>();
        for (Map.Entry<String, List<AnalyzedFeedback>> e : groups.entrySet()) {
            int n = e.getValue().size();
            if (n <= params.capPerAccount()) {
                continue;
            }
            double each = params.capPerAccount() / n;
            e.getValue().forEach(f -> weights.put(f.id(), each));
            String[] parts = e.getKey().split("\u0000", -1);
            caps.add(new WeightPlan.AccountCap(parts[0], parts[1], parts[2], n, each));
        }
        return new WeightPlan(excluded, weights, caps);
    }

    /** Raw and weighted net sentiment and NPS of the items under a plan. */
    public RawVsWeighted compare(Collection<AnalyzedFeedback> items, WeightPlan plan) {
        BucketStats raw = BucketStats.ZERO;
        double[] sentiment = new double[3];
        double[] sentimentSq = new double[1];
        double[] nps = new double[3];
        double[] npsSq = new double[1];
        for (AnalyzedFeedback f : items) {
            raw = raw.plus(BucketStats.of(f));
            double w = plan.weight(f);
            if (w == 0) {
                continue;
            }
            sentiment[f.analysis().sentiment().polarity().ordinal()] += w;
            sentimentSq[0] += w * w;
            NpsClass c = f.analysis().npsClass();
            if (c != null) {
                nps[c.ordinal()] += w;
                npsSq[0] += w * w;
            }
        }
        double posW = sentiment[Polarity.POSITIVE.ordinal()];
        double negW = sentiment[Polarity.NEGATIVE.ordinal()];
        WeightedValue ns = weighted(posW, negW, posW + negW + sentiment[Polarity.NEUTRAL.ordinal()], sentimentSq[0], 1);
        WeightedValue np = weighted(nps[NpsClass.PROMOTER.ordinal()], nps[NpsClass.DETRACTOR.ordinal()],
                nps[0] + nps[1] + nps[2], npsSq[0], 100);
        return new RawVsWeighted(NetSentiment.of(raw, params.minimumN()), ns, NpsScore.of(raw, params.minimumN()), np,
                (int) items.stream().filter(f -> plan.weight(f) == 0).count(), plan.caps().size());
    }

    /** Weighted (a − b)/total with the adjusted-Wald interval on the effective sample size. */
    private WeightedValue weighted(double a, double b, double total, double sumSq, double scale) {
        if (total <= 0) {
            return new WeightedValue(Double.NaN, -scale, scale, 0, 0, false);
        }
        double nEff = total * total / sumSq;
        double pa = a / total;
        double pb = b / total;
        double n2 = nEff + 3;
        double pa2 = (pa * nEff + 0.75) / n2;
        double pb2 = (pb * nEff + 0.75) / n2;
        double adj = pa2 - pb2;
        double half = Z * Math.sqrt((pa2 + pb2 - adj * adj) / n2);
        return new WeightedValue(scale * (pa - pb), Math.max(-scale, scale * (adj - half)),
                Math.min(scale, scale * (adj + half)), total, nEff, nEff >= params.minimumN());
    }

    private String topicOf(AnalyzedFeedback f) {
        String product = f.item().product() == null ? Dimension.NONE : f.item().product();
        if (params.topic() == WeightingParams.Topic.PRODUCT) {
            return product;
        }
        Set<String> aspects = new TreeSet<>();
        for (OpinionPoint o : f.analysis().opinions()) {
            aspects.add(o.aspect());
        }
        return product + "/" + String.join("+", aspects);
    }

    public WeightingParams params() {
        return params;
    }
}
