package io.koubei.analysis.signals.weighting;

import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.metrics.NpsScore;

/**
 * A metric shown both ways (metrics.md: "both are shown").
 *
 * @param rawNetSentiment      over every item
 * @param weightedNetSentiment flagged items out, per-account excess capped; value in [−1, 1]
 * @param rawNps               over every NPS answer
 * @param weightedNps          ×100 scale, like NPS
 * @param excludedItems        how many items got weight 0
 * @param cappedAccounts       how many (account, topic, week) groups were capped
 */
public record RawVsWeighted(NetSentiment rawNetSentiment, WeightedValue weightedNetSentiment, NpsScore rawNps,
        WeightedValue weightedNps, int excludedItems, int cappedAccounts) {
}
