package io.koubei.dashboard.privacy;

import java.util.List;

/**
 * What an erasure removed: the items (by id), their dead letters, lifecycle events, and the archived reports that
 * were regenerated without them (or removed, where the archive cannot tell which product they were for).
 * {@code deadLetters} is -1 when the bus keeps its dead letters where single entries cannot be removed (Kafka).
 */
public record ErasureReport(List<String> itemIds, long items, long deadLetters, int lifecycleEvents,
        List<String> reportsRegenerated, List<String> reportsRemoved) {
}
