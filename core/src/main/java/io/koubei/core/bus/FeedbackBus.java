package io.koubei.core.bus;

import io.koubei.core.feedback.FeedbackItem;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Carries raw items from connectors to the analysis workers: an in-process queue by default, a Kafka
 * topic to scale out. Delivery is at-least-once; the store's idempotent upsert makes it effectively once.
 */
public interface FeedbackBus extends AutoCloseable {

    /**
     * Hands items to the bus. The future completes when they are durable: stored (in-process bus, and the
     * receipt then carries created/updated counts) or written to the replicated log (Kafka). Only then may a
     * caller acknowledge them to its own client.
     */
    CompletableFuture<PublishReceipt> publish(List<FeedbackItem> items);

    /** Starts delivering to the handler. Called once, before the first publish that must be processed. */
    void start(FeedbackHandler handler);

    BusHealth health();

    /**
     * Why acknowledgements are held up because the store cannot take writes now, or null. A bus whose
     * acknowledgement does not wait for the store (Kafka: durable once in the log) always answers null.
     */
    default String storeUnavailable() {
        return null;
    }

    /** Items that could not be processed, with their error (the dead-letter queue). */
    List<DeadLetter> deadLetters(int limit);

    long deadLetterCount();

    /**
     * Every dead letter {@code match} accepts, wherever it is kept (a personal-data export must find them all); by
     * default those {@link #deadLetters} still lists.
     */
    default List<DeadLetter> findDeadLetters(java.util.function.Predicate<DeadLetter> match) {
        return deadLetters(Integer.MAX_VALUE).stream().filter(match).toList();
    }

    /**
     * Removes the dead letters {@code erase} matches (erasure of personal data on request).
     *
     * @return how many were removed, or -1 when this bus cannot remove single entries (Kafka's dead-letter topic:
     *         they age out with its retention)
     */
    default long eraseDeadLetters(java.util.function.Predicate<DeadLetter> erase) {
        return -1;
    }

    @Override
    void close();
}
