package io.koubei.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines and decodes each one strictly (UTF-8 by default), so that one line with invalid bytes is
 * reported on its own while the others still decode. Lines longer than a limit are skipped to their end without
 * being held in memory. A UTF-8 byte-order mark on the first line is dropped.
 */
final class StrictLineReader implements AutoCloseable {

    /** One physical line. {@code text} is null when {@code error} says why it could not be read. */
    record Line(long number, String text, String error, String replacement, String terminator) {
        boolean ok() {
            return error == null;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final Charset charset;
    private final CharsetDecoder strict;
    private byte[] buf = new byte[256];
    private final byte[] chunk = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long lineNumber;
    private boolean eof;

    private int read() throws IOException {
        if (pos == limit) {
            int n;
            do {
                n = in.read(chunk, 0, chunk.length);
            } while (n == 0);
            if (n < 0) {
                return -1;
            }
            pos = 0;
            limit = n;
        }
        return chunk[pos++] & 0xFF;
    }

    StrictLineReader(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, StandardCharsets.UTF_8);
    }

    /** {@code charset} must be ASCII-compatible so that byte 0x0A always ends a line (UTF-8, GBK, GB18030 are). */
    StrictLineReader(InputStream in, int maxLineBytes, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.strict = newStrictDecoder();
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        if (eof) {
            return null;
        }
        int len = 0;
        boolean tooLong = false;
        long skipped = 0;
        int b;
        String terminator = "";
        while ((b = read()) != -1) {
            if (b == '\n') {
                terminator = "\n";
                break;
            }
            if (tooLong) {
                skipped++;
                continue;
            }
            if (len == maxLineBytes) {
                tooLong = true;
                skipped = len + 1;
                continue;
            }
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(maxLineBytes, buf.length * 2));
            }
            buf[len++] = (byte) b;
        }
        if (b == -1) {
            eof = true;
            if (len == 0 && !tooLong) {
                return null;
            }
        }
        lineNumber++;
        if (!tooLong && len > 0 && buf[len - 1] == '\r') {
            len--;
            terminator = "\r" + terminator;
        }
        int start = 0;
        if (lineNumber == 1 && len >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        if (tooLong) {
            return new Line(lineNumber, null, String.format("line is %,d bytes long, over the limit of %,d", skipped, maxLineBytes), "", terminator);
        }
        Line line = decode(start, len, terminator);
        if (buf.length > 1 << 16 && len < 1 << 14) {
            // Do not keep a huge buffer after one long line; only once this line is decoded, since it is still in buf.
            buf = new byte[256];
        }
        return line;
    }

    private Line decode(int start, int len, String terminator) {
        ByteBuffer bytes = ByteBuffer.wrap(buf, start, len - start);
        try {
            CharBuffer chars = strict.reset().decode(bytes);
            return new Line(lineNumber, chars.toString(), null, null, terminator);
        } catch (CharacterCodingException e) {
            int offset = firstInvalidOffset(buf, start, len);
            String lenient = new String(buf, start, len - start, charset);
            String hint = charset.equals(StandardCharsets.UTF_8)
                    ? " (save the file as UTF-8, or name its encoding, e.g. koubei import --encoding GBK, or csv.encoding in mapping.yml)" : "";
            return new Line(lineNumber, null, "invalid " + charset.name() + " byte sequence at byte " + (offset + 1)
                    + " of the line" + hint, lenient, terminator);
        }
    }

    private CharsetDecoder newStrictDecoder() {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    long lineNumber() {
        return lineNumber;
    }

    private int firstInvalidOffset(byte[] b, int start, int end) {
        CharsetDecoder d = newStrictDecoder();
        ByteBuffer in = ByteBuffer.wrap(b, start, end - start);
        CharBuffer out = CharBuffer.allocate(end - start + 1);
        var result = d.decode(in, out, true);
        return result.isError() ? in.position() - start : 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
