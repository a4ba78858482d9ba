package io.koubei.dashboard.report;

import io.koubei.core.feedback.AnalyzedFeedback;
import java.util.regex.Pattern;

/**
 * Which user text the report quotes: whole opinion sentences, not fragments ("同样的问题") nor empty answers
 * ("暂无建议"). A quote names what it is about (it carries an opinion point of the wanted polarity) and is a sentence
 * of at least {@link #MIN_LENGTH} characters.
 */
final class Quotes {
    static final int MIN_LENGTH = 8;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？!?；;\\n])");

    private Quotes() {
    }

    /** An item worth quoting for this polarity: long enough, with an opinion point of that polarity. */
    static boolean representative(AnalyzedFeedback a, String polarity) {
        return length(a.item().text().strip()) >= MIN_LENGTH
                && a.analysis().opinions().stream().anyMatch(o -> o.polarity().wireName().equals(polarity));
    }

    /** The sentence of {@code text} that holds {@code snippet} (the whole text when none does), trimmed. */
    static String sentenceWith(String text, String snippet) {
        if (text == null) {
            return null;
        }
        if (snippet != null && !snippet.isBlank()) {
            for (String s : SENTENCE_END.split(text)) {
                if (s.contains(snippet)) {
                    return s.strip();
                }
            }
        }
        return text.strip();
    }

    static int length(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }
}
