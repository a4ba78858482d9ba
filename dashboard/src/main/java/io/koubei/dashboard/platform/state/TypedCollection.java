package io.koubei.dashboard.platform.state;

import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateCollections;
import io.koubei.core.state.StateDocument;
import io.koubei.core.state.VersionConflictException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A state collection of one record type, read and written as JSON with Jackson. Every read goes to the state store,
 * so every node sees what any node wrote; changes are read-modify-write with optimistic concurrency.
 */
public final class TypedCollection<T> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StateCollection docs;
    private final Class<T> type;

    public TypedCollection(StateCollection docs, Class<T> type) {
        this.docs = docs;
        this.type = type;
    }

    public Optional<T> get(String id) {
        return docs.get(id).map(this::read);
    }

    public List<T> all() {
        return docs.all().stream().map(this::read).toList();
    }

    /** Writes unconditionally (last writer wins): for values only one place produces. */
    public void put(String id, T value) {
        docs.put(id, JSON.writeValueAsString(value), null);
    }

    /** Applies {@code change} to the current value (null when absent) and stores the result, retrying on conflict. */
    public Optional<T> update(String id, UnaryOperator<T> change) {
        return StateCollections.update(docs, id, json -> {
            T next = change.apply(json == null ? null : JSON.readValue(json, type));
            return next == null ? null : JSON.writeValueAsString(next);
        }).map(this::read);
    }

    /**
     * Changes the value only while {@code due} holds for what is stored now: true when this caller made the change,
     * false when the value is absent, no longer due, or another node changed it first (it is then read again).
     * Claims a piece of work (a notification to send) exactly once across nodes.
     */
    public boolean claim(String id, Predicate<T> due, UnaryOperator<T> change) {
        while (true) {
            Optional<StateDocument> current = docs.get(id);
            if (current.isEmpty()) {
                return false;
            }
            T value = read(current.get());
            if (!due.test(value)) {
                return false;
            }
            try {
                docs.put(id, JSON.writeValueAsString(change.apply(value)), current.get().version());
                return true;
            } catch (VersionConflictException e) {
                Thread.onSpinWait(); // changed meanwhile: judge it again
            }
        }
    }

    public boolean delete(String id) {
        return docs.delete(id);
    }

    /**
     * Moves a file this collection replaces ({@code <data-dir>/alerts.json} and the like, a JSON array) into the
     * collection once, when the collection is still empty, and renames the file to {@code *.migrated}.
     */
    public void importLegacy(Path file, TypeReference<List<T>> listType, Function<T, String> idOf) {
        if (!Files.exists(file)) {
            return;
        }
        if (docs.all().isEmpty()) {
            for (T value : JSON.readValue(file.toFile(), listType)) {
                put(idOf.apply(value), value);
            }
        }
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".migrated"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + file + " after moving it into the state store", e);
        }
    }

    private T read(StateDocument d) {
        return JSON.readValue(d.json(), type);
    }
}
