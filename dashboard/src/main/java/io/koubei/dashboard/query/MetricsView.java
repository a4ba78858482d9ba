package io.koubei.dashboard.query;

import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.metrics.NpsScore;
import io.koubei.analysis.metrics.Proportion;
import io.koubei.core.store.BucketStats;

/**
 * The metrics of one bucket, derived from its counts the same way for every store. {@code null} numbers
 * mean "no data"; {@code sufficient=false} means "insufficient data" (n below the configured minimum).
 */
public record MetricsView(
        long count,
        long positive,
        long neutral,
        long negative,
        Double netSentiment,
        Double netSentimentLow,
        Double netSentimentHigh,
        long npsN,
        long promoters,
        long passives,
        long detractors,
        Double nps,
        Double npsLow,
        Double npsHigh,
        boolean npsSufficient,
        long starsN,
        Double starsMean,
        long csatN,
        Double csat,
        Double csatMean) {

    public static MetricsView of(BucketStats s, int minimumN) {
        NetSentiment ns = NetSentiment.of(s, minimumN);
        NpsScore nps = NpsScore.of(s, minimumN);
        Proportion csat = Proportion.wilson(s.csatSatisfied(), s.csatCount(), minimumN);
        boolean hasNps = nps.n() > 0;
        return new MetricsView(s.count(), s.positive(), s.neutral(), s.negative(),
                ns.n() == 0 ? null : round(ns.value()), ns.n() == 0 ? null : round(ns.low()),
                ns.n() == 0 ? null : round(ns.high()),
                nps.n(), s.promoters(), s.passives(), s.detractors(),
                hasNps ? round(nps.nps()) : null, hasNps ? round(nps.low()) : null, hasNps ? round(nps.high()) : null,
                nps.sufficient(),
                s.starsCount(), s.starsCount() == 0 ? null : round(s.starsSum() / s.starsCount()),
                s.csatCount(), s.csatCount() == 0 ? null : round(csat.value()),
                s.csatCount() == 0 ? null : round(s.csatSum() / s.csatCount()));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
