package io.koubei.core.store;

/**
 * The counts every metric is derived from. Stores only count; NPS, net sentiment and their intervals
 * are computed from these by the analysis module, identically for every store.
 */
public record BucketStats(
        long count,
        long positive,
        long neutral,
        long negative,
        long promoters,
        long passives,
        long detractors,
        long starsCount,
        double starsSum,
        long csatCount,
        double csatSum,
        long csatSatisfied) {

    public static final BucketStats ZERO = new BucketStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The contribution of one item: what every store sums per bucket. */
    public static BucketStats of(io.koubei.core.feedback.AnalyzedFeedback f) {
        var polarity = f.analysis().sentiment().polarity();
        var nps = f.analysis().npsClass();
        var rating = f.item().rating();
        boolean stars = rating != null && rating.scale() == io.koubei.core.feedback.RatingScale.STARS;
        boolean csat = rating != null && rating.scale() == io.koubei.core.feedback.RatingScale.CSAT;
        return new BucketStats(1,
                polarity == io.koubei.core.feedback.Polarity.POSITIVE ? 1 : 0,
                polarity == io.koubei.core.feedback.Polarity.NEUTRAL ? 1 : 0,
                polarity == io.koubei.core.feedback.Polarity.NEGATIVE ? 1 : 0,
                nps == io.koubei.core.feedback.NpsClass.PROMOTER ? 1 : 0,
                nps == io.koubei.core.feedback.NpsClass.PASSIVE ? 1 : 0,
                nps == io.koubei.core.feedback.NpsClass.DETRACTOR ? 1 : 0,
                stars ? 1 : 0, stars ? rating.value() : 0,
                csat ? 1 : 0, csat ? rating.value() : 0, csat && rating.value() >= 4 ? 1 : 0);
    }

    public long npsResponses() {
        return promoters + passives + detractors;
    }

    public BucketStats plus(BucketStats o) {
        return new BucketStats(count + o.count, positive + o.positive, neutral + o.neutral, negative + o.negative,
                promoters + o.promoters, passives + o.passives, detractors + o.detractors,
                starsCount + o.starsCount, starsSum + o.starsSum, csatCount + o.csatCount, csatSum + o.csatSum,
                csatSatisfied + o.csatSatisfied);
    }

    public BucketStats minus(BucketStats o) {
        return new BucketStats(count - o.count, positive - o.positive, neutral - o.neutral, negative - o.negative,
                promoters - o.promoters, passives - o.passives, detractors - o.detractors,
                starsCount - o.starsCount, starsSum - o.starsSum, csatCount - o.csatCount, csatSum - o.csatSum,
                csatSatisfied - o.csatSatisfied);
    }
}
