package io.koubei.core.store;

/**
 * When an upsert must be readable. Either way it is durable when {@code upsert} returns.
 */
public enum WriteVisibility {
    /** The next read sees the batch (what the API and the in-process bus promise their callers). */
    IMMEDIATE,
    /**
     * Reads see the batch within the store's refresh interval (Elasticsearch: its next scheduled refresh, 1 s by
     * default), and the write does not wait for it. For writers whose callers were acknowledged before and read
     * nothing back, such as the Kafka workers; it spares a wait of up to one refresh interval per batch.
     */
    EVENTUAL
}
