package io.koubei.ingest.connect;

import io.koubei.core.feedback.Channel;

/**
 * A source that Koubei pulls from (App Store reviews, a forum, a repository's issues, a feed): like Graylog's
 * transport + codec in one small object. {@link #fetch} reads one page after a cursor and maps it to format v1
 * records; the {@link SourceRunner} validates them, publishes them, stores the next cursor durably, retries and
 * records the source's status. A connector keeps no state of its own between calls: everything it needs to go on
 * is in the cursor, an opaque text only it reads.
 */
public interface Connector {

    /** The channel of this connector's items unless the source sets one ({@code review}, {@code community}…). */
    Channel defaultChannel();

    /**
     * Reads the page after {@code cursor} (null: the source was never read, or starts over).
     *
     * @return the page's records as format v1 JSON objects (without {@code source}: the runner sets it), the cursor
     * that follows them, and whether another page is ready now
     * @throws ConnectorException when the vendor cannot be read; {@link ConnectorException.Kind} tells the runner
     *                            whether to retry
     */
    Page fetch(String cursor) throws ConnectorException;
}
