package io.koubei.ingest.format;

import io.koubei.core.text.TextEncoding;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A text input made ready for {@link StrictLineReader}: its encoding detected from the first MiB (unless given), and
 * UTF-16 transcoded to UTF-8 so that byte 0x0A still ends a line.
 *
 * @param stream   bytes in {@code charset}, an ASCII-compatible encoding
 * @param charset  what {@code stream} is to be decoded with
 * @param encoding the input's own encoding (what a user would call the file's encoding)
 * @param detected true when {@code encoding} was detected rather than given
 */
record DetectedInput(InputStream stream, Charset charset, Charset encoding, boolean detected) {

    static final int SAMPLE_BYTES = 1 << 20;

    /** @param given the configured encoding, or null to detect it */
    static DetectedInput open(InputStream in, Charset given) throws IOException {
        if (given != null) {
            return isUtf16(given) ? new DetectedInput(new Utf8Transcoder(new InputStreamReader(in, given)), StandardCharsets.UTF_8, given, false)
                    : new DetectedInput(in, given, given, false);
        }
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(SAMPLE_BYTES + 1);
        byte[] sample = buffered.readNBytes(SAMPLE_BYTES);
        boolean complete = buffered.read() < 0;
        buffered.reset();
        TextEncoding.Detected d = TextEncoding.detect(sample, sample.length, complete);
        if (d.asciiCompatible()) {
            return new DetectedInput(buffered, d.charset(), d.charset(), true);
        }
        buffered.skipNBytes(d.bomLength());
        return new DetectedInput(new Utf8Transcoder(new InputStreamReader(buffered, d.charset())), StandardCharsets.UTF_8, d.charset(), true);
    }

    private static boolean isUtf16(Charset c) {
        return c.name().startsWith("UTF-16") || c.name().startsWith("UTF-32");
    }

    /** Characters re-encoded as UTF-8 bytes (an unpaired surrogate becomes '?'). */
    private static final class Utf8Transcoder extends InputStream {
        private final Reader reader;
        private final char[] chars = new char[8192];
        private byte[] bytes = new byte[0];
        private int pos;
        private char pendingHigh;

        Utf8Transcoder(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos == bytes.length) {
                int start = 0;
                if (pendingHigh != 0) {
                    chars[0] = pendingHigh;
                    pendingHigh = 0;
                    start = 1;
                }
                int n = reader.read(chars, start, chars.length - start);
                if (n < 0) {
                    if (start == 0) {
                        return -1;
                    }
                    n = 0;
                }
                int end = start + n;
                if (n > 0 && Character.isHighSurrogate(chars[end - 1])) {
                    pendingHigh = chars[--end]; // keep a pair together across reads
                }
                bytes = new String(chars, 0, end).getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            int n = Math.min(len, bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
