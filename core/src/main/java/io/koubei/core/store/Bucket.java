package io.koubei.core.store;

import java.util.List;

/** One group of an aggregate: its key (one value per group-by dimension) and its counts. */
public record Bucket(List<String> key, BucketStats stats) {
    public Bucket {
        key = List.copyOf(key);
    }
}
