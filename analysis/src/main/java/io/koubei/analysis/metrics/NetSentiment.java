package io.koubei.analysis.metrics;

import io.koubei.core.store.BucketStats;

/**
 * Net sentiment of a set = (positive − negative) / all, in [−1, 1], with a Wilson-style interval: the
 * adjusted-Wald treatment used for NPS applied to the (positive, neutral, negative) multinomial.
 */
public record NetSentiment(long positive, long neutral, long negative, double value, double low, double high,
        boolean sufficient) {

    public long n() {
        return positive + neutral + negative;
    }

    public static NetSentiment of(BucketStats s, int minimumN) {
        return of(s.positive(), s.neutral(), s.negative(), minimumN);
    }

    public static NetSentiment of(long positive, long neutral, long negative, int minimumN) {
        NpsScore shape = NpsScore.of(positive, neutral, negative, minimumN);
        return new NetSentiment(positive, neutral, negative, shape.nps() / 100, shape.low() / 100, shape.high() / 100,
                shape.sufficient());
    }
}
