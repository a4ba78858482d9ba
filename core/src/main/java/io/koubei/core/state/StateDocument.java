package io.koubei.core.state;

import java.util.Objects;

/**
 * A stored JSON document and its version: an opaque token that changes with every write (a counter in the embedded
 * store, sequence number and primary term in Elasticsearch).
 */
public record StateDocument(String id, String json, String version) {
    public StateDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(version, "version");
    }
}
