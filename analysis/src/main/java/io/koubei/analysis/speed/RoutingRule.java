package io.koubei.analysis.speed;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;
import java.util.List;
import java.util.Set;

/**
 * Sends matching items to a department (product, pr, service, quality...). Empty criteria match everything; all
 * given criteria must match; {@code keywords} match when any occurs in the title or text.
 */
public record RoutingRule(String department, Set<Channel> channels, Set<String> aspects, Set<Polarity> polarities,
        long minReach, List<String> keywords, boolean anomaly) {

    public RoutingRule {
        if (department == null || department.isBlank()) {
            throw new IllegalArgumentException("a routing rule needs a department");
        }
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        aspects = aspects == null ? Set.of() : Set.copyOf(aspects);
        polarities = polarities == null ? Set.of() : Set.copyOf(polarities);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
