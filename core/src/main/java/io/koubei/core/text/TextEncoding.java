package io.koubei.core.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Tells the encoding of a text file from its first bytes, the way feedback exports come: UTF-8 with or without a
 * byte-order mark, UTF-16 with one (Google Play, Excel "Unicode text") — or without one, told by its NUL bytes — or
 * GB18030, the superset of the GBK that Excel and many tools on Chinese Windows write. Without a byte-order mark the bytes decide: UTF-8 unless they are mostly
 * invalid UTF-8 and valid GB18030 — so a UTF-8 file with one damaged line stays UTF-8 (that line is reported), while a
 * GBK export is read as GBK. Pure JDK; shared by the importer and the evaluation tools.
 */
public final class TextEncoding {

    /** GB18030: a superset of GBK and GB2312. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    /** The detected charset, the length of its byte-order mark (0 when none) and why it was chosen. */
    public record Detected(Charset charset, int bomLength, String reason) {
        /** UTF-16 (and other charsets in which a newline is not the byte 0x0A) must be transcoded before line splitting. */
        public boolean asciiCompatible() {
            return !charset.name().startsWith("UTF-16") && !charset.name().startsWith("UTF-32");
        }
    }

    private TextEncoding() {
    }

    /**
     * Detects the encoding of {@code bytes[0, length)}.
     *
     * @param complete true when these are all the bytes of the input; false when they are its beginning (a multibyte
     *                 character cut at the end is then not an error)
     */
    public static Detected detect(byte[] bytes, int length, boolean complete) {
        if (length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3, "UTF-8 byte-order mark");
        }
        if (length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2, "UTF-16 byte-order mark");
        }
        if (length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2, "UTF-16 byte-order mark");
        }
        Charset wide = utf16WithoutMark(bytes, length);
        if (wide != null) {
            return new Detected(wide, 0, "UTF-16 without byte-order mark (NUL bytes in every other position)");
        }
        int[] evidence = utf8Evidence(bytes, length, complete);
        int valid = evidence[0];
        int invalid = evidence[1];
        if (invalid == 0 || valid >= 4 * invalid) {
            return new Detected(StandardCharsets.UTF_8, 0, invalid == 0 ? "valid UTF-8" : "mostly valid UTF-8");
        }
        if (decodesStrictly(GB18030, bytes, length, complete)) {
            return new Detected(GB18030, 0, "not UTF-8, valid GB18030/GBK");
        }
        return new Detected(StandardCharsets.UTF_8, 0, "neither valid UTF-8 nor GB18030; read as UTF-8");
    }

    /** Decodes a whole input in its detected encoding (invalid bytes become U+FFFD), without the byte-order mark. */
    public static Decoded decode(byte[] bytes) {
        Detected d = detect(bytes, bytes.length, true);
        return new Decoded(new String(bytes, d.bomLength(), bytes.length - d.bomLength(), d.charset()), d.charset());
    }

    /** A decoded input and the charset it was decoded with. */
    public record Decoded(String text, Charset charset) {
    }

    /**
     * UTF-16LE/BE when NUL bytes, which text in UTF-8 or GB18030 never has, fill many of the odd (LE) or even (BE)
     * positions (Latin text and digits, as in headers and ids, look like that) and almost none of the others; else null.
     */
    private static Charset utf16WithoutMark(byte[] b, int length) {
        int pairs = Math.min(length, 4096) / 2;
        if (pairs < 2) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            evenZeros += b[i] == 0 ? 1 : 0;
            oddZeros += b[i + 1] == 0 ? 1 : 0;
        }
        // a few NULs on the other side are characters such as 一 (U+4E00)
        if (oddZeros * 10 >= pairs * 3 && evenZeros * 20 <= pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 10 >= pairs * 3 && oddZeros * 20 <= pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** {valid multibyte sequences, invalid bytes} of UTF-8 in the sample. */
    private static int[] utf8Evidence(byte[] b, int length, boolean complete) {
        int valid = 0;
        int invalid = 0;
        int i = 0;
        while (i < length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                lo = c == 0xE0 ? 0xA0 : 0x80;
                hi = c == 0xED ? 0x9F : 0xBF;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                lo = c == 0xF0 ? 0x90 : 0x80;
                hi = c == 0xF4 ? 0x8F : 0xBF;
            } else {
                invalid++;
                i++;
                continue;
            }
            if (!complete && i + need >= length) {
                break; // a character cut by the end of the sample
            }
            boolean ok = i + need < length;
            for (int k = 1; ok && k <= need; k++) {
                int t = b[i + k] & 0xFF;
                ok = k == 1 ? t >= lo && t <= hi : t >= 0x80 && t <= 0xBF;
            }
            if (ok) {
                valid++;
                i += need + 1;
            } else {
                invalid++;
                i++;
            }
        }
        return new int[] {valid, invalid};
    }

    private static boolean decodesStrictly(Charset charset, byte[] bytes, int length, boolean complete) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, complete);
            if (r.isError()) {
                return false;
            }
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            return true; // underflow: all read (a cut character at the end of a sample is left over, not an error)
        }
    }
}
