package io.koubei.core.bus;

import io.koubei.core.feedback.FeedbackItem;
import java.util.List;

/**
 * Processes a batch delivered by the bus (analyse, then store). Items that cannot be processed are returned as
 * failures and go to the dead-letter queue. If the store is unavailable the handler throws
 * {@link io.koubei.core.store.StoreUnavailableException}: the bus then retries the same batch later
 * (backpressure) and does not acknowledge it.
 */
@FunctionalInterface
public interface FeedbackHandler {
    HandleResult handle(List<FeedbackItem> batch);

    /**
     * A hint from a bus that delivers in order: {@code next} is the batch it will hand to {@link #handle} after the
     * current one. A handler may start work on it that touches no store (analysis), so that it overlaps the current
     * batch's write; it must give the same result as if it had not been told. Ignored by default.
     */
    default void prepare(List<FeedbackItem> next) {
    }
}
