package io.koubei.ingest.connect;

import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateCollections;
import io.koubei.core.state.StateStore;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.databind.json.JsonMapper;

/** The {@code sources} state collection: one {@link SourceStatus} per source name, shared by every node. */
public final class SourceStatuses {
    public static final String COLLECTION = "sources";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StateCollection docs;

    public SourceStatuses(StateStore state) {
        this(state.collection(COLLECTION));
    }

    public SourceStatuses(StateCollection docs) {
        this.docs = docs;
    }

    public Optional<SourceStatus> get(String name) {
        return docs.get(name).map(d -> JSON.readValue(d.json(), SourceStatus.class));
    }

    public List<SourceStatus> all() {
        return docs.all().stream().map(d -> JSON.readValue(d.json(), SourceStatus.class)).toList();
    }

    /** Read-modify-write with optimistic retries; {@code change} gets a fresh status when there is none yet. */
    public SourceStatus update(String name, String type, UnaryOperator<SourceStatus> change) {
        return StateCollections.update(docs, name, json -> {
            SourceStatus current = json == null ? SourceStatus.fresh(name, type) : JSON.readValue(json, SourceStatus.class);
            return JSON.writeValueAsString(change.apply(current));
        }).map(d -> JSON.readValue(d.json(), SourceStatus.class)).orElseThrow();
    }

    /** Forgets a source's cursor and status (it starts over on its next run). */
    public boolean reset(String name) {
        return docs.delete(name);
    }
}
