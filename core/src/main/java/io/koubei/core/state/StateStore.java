package io.koubei.core.state;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the platform keeps its small shared state (alerts, settings, users, tokens, events, cursors, the audit
 * log…): named collections of JSON documents with optimistic concurrency, and leases so that scheduled work runs on
 * one node at a time. The embedded implementation keeps files in the data directory (one process); the
 * Elasticsearch one keeps an index that every node of a cluster shares, so N processes behave as one.
 */
public interface StateStore extends AutoCloseable {

    /** The collection of that name (created on first write). Names are lower-case words: {@code [a-z0-9-]+}. */
    StateCollection collection(String name);

    /**
     * Takes or renews the lease {@code name} for {@code holder} until {@code now + ttl}, if it is free, expired, or
     * already held by {@code holder}; false when another live holder has it. Renew well before the ttl runs out.
     */
    boolean tryLease(String name, String holder, Duration ttl, Instant now);

    /** Gives the lease up at once if {@code holder} has it (on shutdown), so another node need not wait for expiry. */
    void releaseLease(String name, String holder);

    /** For the health endpoint: the backend and whether it answers. */
    String describe();

    @Override
    void close();

    /** Collection names are restricted so that they are safe as file names and document-id prefixes. */
    static String checkName(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("state collection name must match [a-z0-9][a-z0-9-]*: " + name);
        }
        return name;
    }
}
