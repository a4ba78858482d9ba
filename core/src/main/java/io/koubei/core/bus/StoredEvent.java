package io.koubei.core.bus;

import io.koubei.core.feedback.AnalyzedFeedback;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Stored: these weeks and products changed": what the store path announces after a batch is durable, whichever bus
 * delivered it (in-process or a Kafka worker). Subscribers (the signals re-scan) decide what to recompute; the
 * importers and the ingest API decide nothing.
 *
 * @param weeks    ISO week keys of the stored items (the team's zone, as stored)
 * @param products products of the stored items that name one
 * @param items    how many items the batch stored (created or updated)
 */
public record StoredEvent(Set<String> weeks, Set<String> products, int items) {
    public StoredEvent {
        weeks = Set.copyOf(weeks);
        products = Set.copyOf(products);
    }

    /** The event for a stored batch. */
    public static StoredEvent of(Collection<AnalyzedFeedback> stored) {
        Set<String> weeks = new TreeSet<>();
        Set<String> products = new TreeSet<>();
        for (AnalyzedFeedback f : stored) {
            weeks.add(f.week());
            if (f.item().product() != null) {
                products.add(f.item().product());
            }
        }
        return new StoredEvent(weeks, products, stored.size());
    }
}
