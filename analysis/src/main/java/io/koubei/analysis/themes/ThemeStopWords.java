package io.koubei.analysis.themes;

import io.koubei.analysis.sentiment.SentimentLexicon;
import io.koubei.analysis.text.ResourceFiles;
import io.koubei.analysis.text.TextNormalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Words that never name a theme: function words, pronouns, time words, vague nouns (东西, 感觉), every word the
 * sentiment rules read (好, 不, 很), and the deployment's product and brand names (a theme is about something a
 * product does, not which product). The built-in list is {@code theme-stopwords.txt}.
 */
public final class ThemeStopWords {
    /** Words a theme may contain but should not be named after when a more specific word is there (对焦速度 → 对焦). */
    private static final Set<String> GENERIC = Set.of("效果", "功能", "能力", "表现", "速度", "方面", "现象", "情况", "性能",
            "整体", "问题", "设计", "质量", "系统", "时间", "程度", "水平", "体验", "方式", "部分", "技术", "控制", "处理");

    private final Set<String> words;
    private final SentimentLexicon lexicon;

    private ThemeStopWords(Set<String> words, SentimentLexicon lexicon) {
        this.words = words;
        this.lexicon = lexicon;
    }

    /** The built-in stop-words plus the given product and brand names (each name and its words). */
    public static ThemeStopWords of(SentimentLexicon lexicon, Collection<String> productNames) {
        Set<String> w = new HashSet<>();
        for (String[] row : ResourceFiles.classpathRows("theme-stopwords.txt")) {
            for (String s : row) {
                if (!s.isBlank()) {
                    w.add(s.strip());
                }
            }
        }
        for (String name : productNames) {
            String n = TextNormalizer.normalizeToString(name).strip();
            if (!n.isEmpty()) {
                w.add(n);
                w.add(n.replace(" ", ""));
                for (String part : n.split("\\s+")) {
                    if (!part.isBlank()) {
                        w.add(part);
                    }
                }
            }
        }
        return new ThemeStopWords(Set.copyOf(w), lexicon);
    }

    /** Whether a word may be part of a theme's name. */
    public boolean allowed(String word) {
        if (word == null || word.isEmpty() || words.contains(word)) {
            return false;
        }
        if (word.codePointCount(0, word.length()) < 2) {
            return false;
        }
        if (word.chars().allMatch(Character::isDigit)) {
            return false;
        }
        if (word.length() == 2 && "没不别未".indexOf(word.charAt(0)) >= 0) {
            return false; // 没后(悔), 不推(荐), 没什(么): a negated verb cut short, not a thing
        }
        boolean latin = word.chars().allMatch(c -> c < 0x80);
        if (latin && word.chars().anyMatch(Character::isDigit)) {
            return false; // model numbers (x443, k70) are products, not themes
        }
        return lexicon.weight(word) == null && !lexicon.isNegator(word) && lexicon.degree(word) == null
                && lexicon.contrast(word) == null;
    }

    /** Whether the word is a stop-word (or a product name) itself. */
    public boolean isStopWord(String word) {
        return words.contains(word);
    }

    /** Degree words and negators: what may stand between a target and its opinion (屏幕 不 清晰, 速度 很 快). */
    public boolean isModifier(String word) {
        return lexicon.isNegator(word) || lexicon.degree(word) != null;
    }

    /** Carries no sentiment and is not a modifier (a character that may be part of a word SmartCN cut up). */
    public boolean isPlain(String word) {
        return lexicon.weight(word) == null && !lexicon.isNegator(word) && lexicon.degree(word) == null
                && lexicon.contrast(word) == null && lexicon.quantity(word) == null;
    }

    public static boolean isGeneric(String word) {
        return GENERIC.contains(word);
    }
}
