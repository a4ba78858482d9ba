package io.koubei.dashboard.query;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Shortens user text for lists without splitting a character: cuts fall on grapheme boundaries, so surrogate
 * pairs, emoji ZWJ sequences and combining marks stay whole.
 */
public final class TextCuts {
    /** Characters (UTF-16 units) a list shows before "expand". */
    public static final int LIST_CHARS = 300;

    private TextCuts() {
    }

    public static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, boundaryAtOrBefore(text, max)) + "…";
    }

    /** The last grapheme boundary at or before {@code index}. */
    public static int boundaryAtOrBefore(String text, int index) {
        if (index >= text.length()) {
            return text.length();
        }
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text);
        return it.isBoundary(index) ? index : Math.max(0, it.preceding(index));
    }

    /** The first grapheme boundary at or after {@code index}. */
    public static int boundaryAtOrAfter(String text, int index) {
        if (index <= 0) {
            return 0;
        }
        if (index >= text.length()) {
            return text.length();
        }
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text);
        return it.isBoundary(index) ? index : it.following(index);
    }
}
