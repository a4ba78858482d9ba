package io.koubei.core.state;

import java.util.List;
import java.util.Optional;

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

    /** Removes the document; true if it existed. */
    boolean delete(String id);
}
