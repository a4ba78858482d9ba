package io.koubei.analysis.text;

/** Folds full-width ASCII to half-width and ASCII to lower case, one char for one char (offsets are kept). */
public final class TextNormalizer {
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
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0);
        } else if (c == '\u3000') {
            c = ' ';
        }
        if (c >= 'A' && c <= 'Z') {
            c = (char) (c + 32);
        }
        return c;
    }

    public static String normalizeToString(String text) {
        return new String(normalize(text));
    }
}
