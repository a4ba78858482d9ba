package io.koubei.core.store;

/** A page of matching items: newest first, ties broken by id, so both stores return the same order. */
public record SearchQuery(FeedbackFilter filter, int offset, int limit) {
    public static final int MAX_LIMIT = 1000;

    public SearchQuery {
        filter = filter == null ? FeedbackFilter.ALL : filter;
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 0.." + MAX_LIMIT);
        }
    }
}
