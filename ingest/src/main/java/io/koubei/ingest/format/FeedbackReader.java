package io.koubei.ingest.format;

import java.io.Closeable;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the rows of one input as {@link ParseResult}s, in order, holding only the current row in memory.
 * Iteration never throws for bad rows (they come out as {@link ParseResult.Invalid}); I/O failures surface as
 * {@link java.io.UncheckedIOException}. Close it when done.
 */
public interface FeedbackReader extends Iterator<ParseResult>, Closeable {

    /** Display name used in rejections (the file name, or {@code <request>}). */
    String sourceName();

    /** Rows the input probably holds (for progress bars), or -1 when the reader cannot tell cheaply. */
    default long estimatedRows() {
        return -1;
    }

    /** The input's text encoding (detected or given); null for workbooks, which have none. */
    default Charset encoding() {
        return null;
    }

    default Stream<ParseResult> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false);
    }
}
