package io.koubei.core.feedback;

import java.util.List;

/**
 * Sentiment of one text: polarity, a score in [-1, 1] and the cues that drove it
 * (e.g. "不+好用 → negative", "但是: later clause weighted"), so a reader can check the machine.
 */
public record Sentiment(Polarity polarity, double score, List<String> explanation) {
    public static final Sentiment NEUTRAL = new Sentiment(Polarity.NEUTRAL, 0.0, List.of());

    public Sentiment {
        if (polarity == null) {
            throw new IllegalArgumentException("polarity is required");
        }
        if (Double.isNaN(score) || score < -1 || score > 1) {
            throw new IllegalArgumentException("score must be in [-1, 1]: " + score);
        }
        explanation = explanation == null ? List.of() : List.copyOf(explanation);
    }
}
