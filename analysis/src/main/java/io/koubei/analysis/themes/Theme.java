package io.koubei.analysis.themes;

import java.util.List;

/**
 * A discovered theme: opinion targets that mean the same thing (对焦, 对焦速度, 自动对焦), named by its most
 * representative phrase.
 *
 * @param id           stable id derived from the canonical word ({@link ThemeIds})
 * @param name         the most frequent phrase, or the team's name for it
 * @param key          the canonical word the theme's phrases share
 * @param aspect       the taxonomy aspect it belongs to, or null when the taxonomy has no word for it
 * @param keys         the words (surface variants included) that put a target into this theme
 * @param phrases      its most frequent phrases, most frequent first
 * @param mentions     opinions about it
 * @param negative     of which negative
 * @param opinionWords the opinion words said about it most often
 * @param quotes       representative whole sentences (masked), negative ones first
 * @param hidden       a team hid it (it still claims its phrases, so it does not come back under another name)
 */
public record Theme(String id, String name, String key, String aspect, List<String> keys, List<String> phrases,
                    long mentions, long negative, List<String> opinionWords, List<String> quotes, boolean hidden) {
    public Theme {
        keys = List.copyOf(keys);
        phrases = List.copyOf(phrases);
        opinionWords = List.copyOf(opinionWords);
        quotes = List.copyOf(quotes);
    }

    public double negativeShare() {
        return mentions == 0 ? 0 : (double) negative / mentions;
    }

    Theme withName(String n) {
        return new Theme(id, n, key, aspect, keys, phrases, mentions, negative, opinionWords, quotes, hidden);
    }

    Theme withAspect(String a) {
        return new Theme(id, name, key, a, keys, phrases, mentions, negative, opinionWords, quotes, hidden);
    }

    Theme withHidden(boolean h) {
        return new Theme(id, name, key, aspect, keys, phrases, mentions, negative, opinionWords, quotes, h);
    }
}
