package io.koubei.core.store;

import java.util.List;

/** Counts of the filtered items grouped by up to three dimensions (none: one bucket with everything). */
public record AggregateQuery(FeedbackFilter filter, List<Dimension> groupBy) {
    public AggregateQuery {
        filter = filter == null ? FeedbackFilter.ALL : filter;
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
        if (groupBy.size() > 3) {
            throw new IllegalArgumentException("at most 3 group-by dimensions");
        }
    }
}
