package io.koubei.dashboard.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * Marks query terms in (already masked) text. Done here, not in the store, so both stores highlight
 * identically. Output is HTML: the text is escaped first and only our own {@code <mark>} tags are added.
 */
public final class Highlighter {
    private static final int WINDOW = 140;

    private Highlighter() {
    }

    public static String highlight(String text, List<String> terms) {
        if (text == null) {
            return "";
        }
        String lower = foldCase(text);
        List<int[]> spans = new ArrayList<>();
        for (String term : terms) {
            if (term.isBlank()) {
                continue;
            }
            String t = foldCase(term);
            for (int i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + t.length())) {
                spans.add(new int[] {i, i + t.length()});
            }
        }
        spans.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> -s[1]));
        int start = 0;
        int end = text.length();
        if (text.length() > WINDOW) {
            int anchor = spans.isEmpty() ? 0 : spans.get(0)[0];
            start = TextCuts.boundaryAtOrBefore(text, Math.max(0, anchor - WINDOW / 4));
            end = TextCuts.boundaryAtOrAfter(text, Math.min(text.length(), start + WINDOW));
        }
        StringBuilder out = new StringBuilder();
        if (start > 0) {
            out.append('…');
        }
        int pos = start;
        for (int[] s : spans) {
            if (s[0] < pos || s[1] > end) {
                continue;
            }
            out.append(HtmlUtils.htmlEscape(text.substring(pos, s[0])));
            out.append("<mark>").append(HtmlUtils.htmlEscape(text.substring(s[0], s[1]))).append("</mark>");
            pos = s[1];
        }
        out.append(HtmlUtils.htmlEscape(text.substring(Math.min(pos, end), end)));
        if (end < text.length()) {
            out.append('…');
        }
        return out.toString();
    }

    /** Lower case one UTF-16 unit at a time, so indices in the result are indices in the text (İ stays one unit). */
    static String foldCase(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(c[i]);
        }
        return new String(c);
    }
}
