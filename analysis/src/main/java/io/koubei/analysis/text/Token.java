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
        /**
         * A social-media mention such as {@code @小米客服}: indexed (one can search for it), but a user name is not an
         * opinion ({@code @开心的小猪} says nothing about the product), so the sentiment rules and features skip it.
         */
        MENTION,
        /** A web link ({@code http://t.cn/…}, {@code www.…}): neither indexed nor read for sentiment. */
        LINK,
        /** Punctuation or whitespace: not indexed, but marks clause boundaries for the sentiment rules. */
        PUNCT
    }

    public boolean isPunct() {
        return kind == Kind.PUNCT;
    }

    /** Mentions and links: part of the text, not of what it says about the product. */
    public boolean isMarkup() {
        return kind == Kind.MENTION || kind == Kind.LINK;
    }
}
