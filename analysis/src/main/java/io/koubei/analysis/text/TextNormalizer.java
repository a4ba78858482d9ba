package io.koubei.analysis.text;

import java.io.InputStream;

/**
 * Folds full-width ASCII to half-width, ASCII to lower case and traditional Chinese characters to simplified
 * (the project's context-free map, {@code traditional.tsv}), one char for one char, so offsets are kept and
 * the lexicon, dictionary and index see one script.
 */
public final class TextNormalizer {
    private static final char[] SIMPLIFIED = loadSimplified();

    private TextNormalizer() {
    }

    public static char[] normalize(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(text.charAt(i));
        }
        return out;
    }

    public static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0);
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        if (c == '\u3000') {
            return ' ';
        }
        char s = SIMPLIFIED[c];
        return s == 0 ? c : s;
    }

    /** Only traditional → simplified, same length; the same instance when nothing changes. */
    public static String simplified(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char s = c < 0x80 ? 0 : SIMPLIFIED[c];
            if (s != 0) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = s;
            }
        }
        return out == null ? text : new String(out);
    }

    public static String normalizeToString(String text) {
        return new String(normalize(text));
    }

    private static char[] loadSimplified() {
        char[] map = new char[Character.MAX_VALUE + 1];
        try (InputStream in = TextNormalizer.class.getResourceAsStream(ResourceFiles.BASE + "traditional.tsv")) {
            if (in == null) {
                return map;
            }
            for (String[] row : ResourceFiles.rows(in, "traditional.tsv")) {
                if (row.length < 2 || row[0].length() != 1 || row[1].length() != 1) {
                    throw new IllegalStateException("traditional.tsv: expected one BMP character on each side in '" + String.join("\t", row) + "'");
                }
                map[row[0].charAt(0)] = row[1].charAt(0);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return map;
    }
}
