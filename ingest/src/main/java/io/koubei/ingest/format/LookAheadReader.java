package io.koubei.ingest.format;

import java.util.NoSuchElementException;

/**
 * The iteration every streaming reader shares: {@link #hasNext} reads one row ahead with {@link #readNext}, which
 * returns null at the end of the input (and is not called again after that).
 */
abstract class LookAheadReader implements FeedbackReader {
    private ParseResult next;
    private boolean ended;

    /** The next row, or null when the input has no more. */
    protected abstract ParseResult readNext();

    @Override
    public final boolean hasNext() {
        if (next == null && !ended) {
            next = readNext();
            ended = next == null;
        }
        return next != null;
    }

    @Override
    public final ParseResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParseResult r = next;
        next = null;
        return r;
    }
}
