package io.koubei.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link Reader} over strictly decoded lines, for parsers (commons-csv) that need a character stream. A line that
 * cannot be decoded is passed on leniently decoded (so quoting stays aligned) and remembered as bad, so that the
 * record containing it can be rejected.
 */
final class DecodedLinesReader extends Reader {

    private final StrictLineReader lines;
    private final TreeMap<Long, String> badLines = new TreeMap<>();
    private String current = "";
    private int pos;
    private StrictLineReader.Line peeked;

    DecodedLinesReader(StrictLineReader lines) {
        this.lines = lines;
    }

    /** The first line's text (for delimiter detection) without consuming it; null for an empty input. */
    String peekFirstLine() throws IOException {
        if (peeked == null) {
            peeked = lines.next();
        }
        return peeked == null ? null : (peeked.ok() ? peeked.text() : peeked.replacement());
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos == current.length()) {
            StrictLineReader.Line line = peeked != null ? peeked : lines.next();
            peeked = null;
            if (line == null) {
                return -1;
            }
            if (!line.ok()) {
                badLines.put(line.number(), line.error());
            }
            current = (line.ok() ? line.text() : line.replacement()) + line.terminator();
            pos = 0;
        }
        int n = Math.min(len, current.length() - pos);
        current.getChars(pos, pos + n, cbuf, off);
        pos += n;
        return n;
    }

    /** Removes and returns the bad lines numbered up to {@code lastLine}, in order. */
    Map<Long, String> takeBadLinesThrough(long lastLine) {
        Map<Long, String> head = new TreeMap<>(badLines.headMap(lastLine, true));
        badLines.headMap(lastLine, true).clear();
        return head;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
