package io.koubei.analysis.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * SmartCN with a domain dictionary in front of it (SmartCN cannot load one). The text is scanned once:
 * bracket emoticons ([哈哈]) and emoji become tokens, dictionary entries win by longest match, Latin and
 * digit runs stay whole (x443), and only the Chinese stretches between them go to SmartCN.
 * Thread-safe (Lucene analyzers reuse per-thread components).
 */
public final class DictionarySegmenter {
    private static final int MAX_EMOTICON = 10;
    private static final int MAX_MENTION_WIDTH = 30;

    private final DomainDictionary dictionary;
    private final Analyzer smartCn = new SmartChineseAnalyzer(false);

    public DictionarySegmenter(DomainDictionary dictionary) {
        this.dictionary = dictionary;
    }

    public DomainDictionary dictionary() {
        return dictionary;
    }

    /** Index terms: every token except punctuation. */
    public List<String> segment(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : tokenize(text)) {
            if (isIndexed(t)) {
                out.add(t.term());
            }
        }
        return out;
    }

    /** Terms of the search index: words, emoticons and mentions; not punctuation or links. */
    public static boolean isIndexed(Token t) {
        return !t.isPunct() && t.kind() != Token.Kind.LINK;
    }

    /** All tokens with offsets, punctuation included (the sentiment rules need clause boundaries). */
    public List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        char[] t = TextNormalizer.normalize(text);
        // SmartCN reads simplified characters too (one script, same offsets) but keeps the original punctuation:
        // full-width marks are its sentence breaks, and longer "sentences" cost it far more
        String folded = TextNormalizer.simplified(text);
        int n = t.length;
        int cjkStart = -1;
        int i = 0;
        Pass pass = new Pass();
        while (i < n) {
            char c = t[i];
            if (c == '[') {
                int close = emoticonEnd(t, i);
                if (close > 0) {
                    cjkStart = flush(folded, cjkStart, i, out, pass);
                    out.add(new Token(new String(t, i, close + 1 - i), Token.Kind.EMOTICON, i, close + 1));
                    i = close + 1;
                    continue;
                }
            }
            int markupEnd = c == '@' ? mentionEnd(t, i) : c == 'h' || c == 'w' ? linkEnd(t, i) : -1;
            if (markupEnd > 0) {
                cjkStart = flush(folded, cjkStart, i, out, pass);
                out.add(new Token(new String(t, i, markupEnd - i), c == '@' ? Token.Kind.MENTION : Token.Kind.LINK, i, markupEnd));
                i = markupEnd;
                continue;
            }
            int cp = Character.codePointAt(t, i);
            if (isEmoji(cp)) {
                cjkStart = flush(folded, cjkStart, i, out, pass);
                int end = emojiEnd(t, i);
                out.add(new Token(new String(t, i, end - i), Token.Kind.EMOJI, i, end));
                i = end;
                continue;
            }
            DomainDictionary.Match m = dictionary.longestMatch(t, i);
            if (m != null) {
                cjkStart = flush(folded, cjkStart, i, out, pass);
                out.add(new Token(m.word(), Token.Kind.WORD, m.start(), m.end()));
                i = m.end();
                continue;
            }
            if (isCjk(cp)) {
                if (cjkStart < 0) {
                    cjkStart = i;
                }
                i += Character.charCount(cp);
                continue;
            }
            cjkStart = flush(folded, cjkStart, i, out, pass);
            if (Character.isLetterOrDigit(cp)) {
                int end = latinEnd(t, i);
                out.add(new Token(new String(t, i, end - i), Token.Kind.LATIN, i, end));
                i = end;
            } else {
                int len = Character.charCount(cp);
                if (!Character.isWhitespace(cp) || out.isEmpty() || !out.get(out.size() - 1).isPunct()) {
                    out.add(new Token(Character.isWhitespace(cp) ? " " : new String(t, i, len), Token.Kind.PUNCT, i, i + len));
                }
                i += len;
            }
        }
        flush(folded, cjkStart, n, out, pass);
        return out;
    }

    /**
     * Adds SmartCN's words for a Chinese stretch; returns -1 (no pending stretch). SmartCN runs once per text
     * (its per-call cost dominates short stretches) and its words are clipped to the stretch.
     */
    private int flush(String text, int start, int end, List<Token> out, Pass pass) {
        if (start < 0 || end <= start) {
            return -1;
        }
        if (end - start == 1) {
            out.add(new Token(text.substring(start, end), Token.Kind.WORD, start, end));
            return -1;
        }
        List<int[]> words = pass.smartCnWords(text);
        while (pass.cursor < words.size() && words.get(pass.cursor)[1] <= start) {
            pass.cursor++;
        }
        for (int k = pass.cursor; k < words.size(); k++) {
            int[] w = words.get(k);
            if (w[0] >= end) {
                break;
            }
            int s = Math.max(w[0], start);
            int e = Math.min(w[1], end);
            if (e > s && Character.isLetterOrDigit(text.charAt(s))) {
                out.add(new Token(text.substring(s, e).toLowerCase(), Token.Kind.WORD, s, e));
            }
        }
        return -1;
    }

    /** Per-call state: SmartCN's word offsets for the whole text, computed on first need. */
    private final class Pass {
        List<int[]> words;
        int cursor;

        List<int[]> smartCnWords(String text) {
            if (words == null) {
                words = new ArrayList<>();
                try (TokenStream ts = smartCn.tokenStream("text", text)) {
                    OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        words.add(new int[] {offset.startOffset(), offset.endOffset()});
                    }
                    ts.end();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return words;
        }
    }

    private static int emoticonEnd(char[] t, int open) {
        for (int j = open + 1; j < t.length && j <= open + MAX_EMOTICON; j++) {
            char c = t[j];
            if (c == ']') {
                return j > open + 1 ? j : -1;
            }
            if (c == '[' || Character.isWhitespace(c)) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * End of a mention {@code @name} starting at {@code at}, or -1. Weibo-style names are letters, digits, Han, '_'
     * and '-', and clients end them with a space or a colon; an '@' right after a Latin letter or digit is an e-mail address.
     */
    static int mentionEnd(char[] t, int at) {
        if (at > 0 && t[at - 1] < 0x7F && Character.isLetterOrDigit(t[at - 1])) {
            return -1;
        }
        int j = at + 1;
        int width = 0; // Weibo counts a Han character as two: names are at most 30 wide, 15 Han characters
        while (j < t.length && (Character.isLetterOrDigit(t[j]) || t[j] == '_' || t[j] == '-')) {
            width += isCjk(t[j]) ? 2 : 1;
            if (width > MAX_MENTION_WIDTH) {
                return -1; // longer than any name: an '@' in running text, not a mention
            }
            j++;
        }
        return j > at + 1 ? j : -1;
    }

    /** End of a web link starting at {@code i} ({@code http://}, {@code https://} or {@code www.}), or -1. */
    static int linkEnd(char[] t, int i) {
        if (i > 0 && Character.isLetterOrDigit(t[i - 1]) && !isCjk(t[i - 1])) {
            return -1;
        }
        int j = startsWith(t, i, "https://") ? i + 8 : startsWith(t, i, "http://") ? i + 7 : startsWith(t, i, "www.") ? i + 4 : -1;
        if (j < 0) {
            return -1;
        }
        int start = j;
        while (j < t.length && t[j] > ' ' && t[j] < 0x7F) { // a link ends at a space or the first non-ASCII character
            j++;
        }
        while (j > start && ".,;:!?)]}'\"".indexOf(t[j - 1]) >= 0) {
            j--; // trailing sentence punctuation is not part of the link
        }
        return j > start ? j : -1;
    }

    private static boolean startsWith(char[] t, int i, String prefix) {
        if (i + prefix.length() > t.length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (t[i + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int latinEnd(char[] t, int i) {
        int j = i;
        while (j < t.length) {
            char c = t[j];
            if (Character.isLetterOrDigit(c) && !isCjk(c)) {
                j++;
            } else if ((c == '.' || c == '+') && j > i && Character.isDigit(t[j - 1])
                    && (c == '+' || (j + 1 < t.length && Character.isDigit(t[j + 1])))) {
                j++;
            } else {
                break;
            }
        }
        return Math.max(j, i + 1);
    }

    private static int emojiEnd(char[] t, int i) {
        int j = i + Character.charCount(Character.codePointAt(t, i));
        while (j < t.length) {
            int cp = Character.codePointAt(t, j);
            boolean joiner = cp == 0x200D;
            if (cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
                j += Character.charCount(cp);
            } else if (joiner && j + 1 < t.length) {
                j += 1;
                j += Character.charCount(Character.codePointAt(t, j));
            } else {
                break;
            }
        }
        return j;
    }

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x1F000 && cp <= 0x1F2FF);
    }

    static boolean isCjk(int cp) {
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            return true;
        }
        if (cp < 0x2E80 || (cp >= 0x3000 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) || (cp >= 0xFF00 && cp <= 0xFFEF)) {
            return false; // Latin, CJK punctuation (not 々 〇) and full-width forms: common non-Han cases, no script lookup
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN;
    }
}
