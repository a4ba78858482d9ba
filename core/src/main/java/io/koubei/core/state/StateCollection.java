package io.koubei.core.state;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One named set of JSON documents, by id. Writes are conditional on the version the writer read, so two nodes that
 * change the same document concurrently cannot silently overwrite each other: the second gets a
 * {@link VersionConflictException}, reads again and retries (see {@link StateCollections#update}).
 */
public interface StateCollection {

    /** The expected version of a document that must not exist yet. */
    String ABSENT = "absent";

    String name();

    Optional<StateDocument> get(String id);

    /** Every document, ordered by id. Collections are small (at most tens of thousands of documents). */
    List<StateDocument> all();

    /**
     * Writes the document.
     *
     * @param expectedVersion the version read before ({@link StateDocument#version()}), {@link #ABSENT} for a new
     *                        document, or null to write unconditionally
     * @return the document as stored, with its new version
     * @throws VersionConflictException when the stored version is not the expected one
     */
    StateDocument put(String id, String json, String expectedVersion);

    /**
     * Writes each document only if no document has its id yet (create-if-absent, as {@code put(id, json, ABSENT)}),
     * as one batch where the store can (one forced journal write, one bulk request and refresh): for append-only
     * facts such as events, whose ids are derived from their content, so a fact sent twice, to any node, is stored
     * once. Documents are written in the map's order.
     *
     * @return the ids that existed already; nothing was written for them
     */
    default Set<String> createAll(Map<String, String> documents) {
        Set<String> existed = new LinkedHashSet<>();
        documents.forEach((id, json) -> {
            try {
                put(id, json, ABSENT);
            } catch (VersionConflictException e) {
                existed.add(id);
            }
        });
        return existed;
    }

    /** Removes the document; true if it existed. */
    boolean delete(String id);
}
