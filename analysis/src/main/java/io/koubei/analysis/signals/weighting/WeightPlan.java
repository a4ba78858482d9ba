package io.koubei.analysis.signals.weighting;

import io.koubei.core.feedback.AnalyzedFeedback;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weight of every item in weighted metrics: 0 for excluded items, {@code cap / n} for the items of an
 * account over its cap, 1 otherwise. Raw metrics ignore the plan; nothing is deleted.
 *
 * @param excludedIds items with weight 0 (flagged or named by the caller)
 * @param weights     items with a weight strictly between 0 and 1
 * @param caps        the (account, topic, week) groups that were capped
 */
public record WeightPlan(Set<String> excludedIds, Map<String, Double> weights, List<AccountCap> caps) {

    public WeightPlan {
        excludedIds = Set.copyOf(excludedIds);
        weights = Map.copyOf(weights);
        caps = List.copyOf(caps);
    }

    public double weight(AnalyzedFeedback f) {
        return weight(f.id());
    }

    public double weight(String id) {
        if (excludedIds.contains(id)) {
            return 0.0;
        }
        return weights.getOrDefault(id, 1.0);
    }

    /** One account whose items on one topic in one week exceeded the cap. */
    public record AccountCap(String authorId, String topic, String week, int items, double weightEach) {
    }
}
