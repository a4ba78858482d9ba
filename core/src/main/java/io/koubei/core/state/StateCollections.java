package io.koubei.core.state;

import java.util.Optional;
import java.util.function.UnaryOperator;

/** Read-modify-write with retries on conflict, the one way shared state is changed. */
public final class StateCollections {
    private static final int ATTEMPTS = 20;

    private StateCollections() {
    }

    /**
     * Applies {@code change} to the current JSON of {@code id} (null when absent) and writes the result, retrying
     * from a fresh read when another writer got there first. A null result deletes nothing and writes nothing.
     *
     * @return the stored document, or empty when {@code change} returned null
     */
    public static Optional<StateDocument> update(StateCollection c, String id, UnaryOperator<String> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<StateDocument> current = c.get(id);
            String next = change.apply(current.map(StateDocument::json).orElse(null));
            if (next == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(c.put(id, next, current.map(StateDocument::version).orElse(StateCollection.ABSENT)));
            } catch (VersionConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }
}
