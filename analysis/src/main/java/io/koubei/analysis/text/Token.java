package io.koubei.analysis.text;

/**
 * One token of a text. {@code start}/{@code end} are char offsets into the original text.
 *
 * @param term the normalised term (lower-cased; dictionary entries in their canonical form)
 */
public record Token(String term, Kind kind, int start, int end) {

    public enum Kind {
        /** A Chinese word (dictionary or SmartCN). */
        WORD,
        /** A run of Latin letters and digits, such as {@code x443}. */
        LATIN,
        /** A bracket emoticon such as {@code [哈哈]}. */
        EMOTICON,
        EMOJI,
        /** Punctuation or whitespace: not indexed, but marks clause boundaries for the sentiment rules. */
        PUNCT
    }

    public boolean isPunct() {
        return kind == Kind.PUNCT;
    }
}
