package io.koubei.analysis.themes;

import io.koubei.core.feedback.Polarity;
import java.util.List;

/**
 * One opinion target found in a text: the words that name what the opinion is about (对焦/速度), the polarity of
 * the clause's opinion about it, the opinion words, and the whole sentence it was said in (not masked: masking every
 * candidate's sentence would cost more than reading it; {@link ThemeDiscovery} masks the few it keeps as quotes).
 *
 * @param phrase the words joined (对焦速度)
 * @param words  the phrase's words in text order
 */
public record ThemeCandidate(String phrase, List<String> words, Polarity polarity, List<String> opinionWords, String quote) {
    public ThemeCandidate {
        words = List.copyOf(words);
        opinionWords = opinionWords == null ? List.of() : List.copyOf(opinionWords);
    }
}
