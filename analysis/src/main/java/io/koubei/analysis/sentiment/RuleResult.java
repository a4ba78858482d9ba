package io.koubei.analysis.sentiment;

import io.koubei.analysis.text.Token;
import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.List;

/**
 * What the built-in rules found in one text.
 *
 * @param clauses clause spans (token indices, end exclusive) with their final weights
 * @param cues    each sentiment word with its modifiers and value (before the clause weight)
 * @param rules   clause-level rules that fired (contrast, question)
 * @param raw     Σ cue value × clause weight
 */
public record RuleResult(List<Token> tokens, List<Clause> clauses, List<Cue> cues, List<String> rules, double raw) {
    /** Scores within this band around zero are neutral. */
    public static final double NEUTRAL_BAND = 0.1;

    public record Clause(int fromToken, int toToken, double weight) {
    }

    /** @param clause index into {@link #clauses()} */
    public record Cue(int token, int clause, String words, double value, String rule) {
    }

    /** Squashes the raw sum into [-1, 1]. */
    public double score() {
        return Math.tanh(raw / 2.0);
    }

    public Polarity polarity() {
        return polarityOf(score());
    }

    public static Polarity polarityOf(double score) {
        return score >= NEUTRAL_BAND ? Polarity.POSITIVE : score <= -NEUTRAL_BAND ? Polarity.NEGATIVE : Polarity.NEUTRAL;
    }

    public List<String> explanation() {
        List<String> out = new ArrayList<>();
        for (Cue c : cues) {
            double weighted = c.value() * clauses.get(c.clause()).weight();
            out.add(c.words() + " → " + (weighted >= 0 ? "+" : "") + Math.round(weighted * 100) / 100.0);
        }
        out.addAll(rules);
        return out;
    }

    /** Sum of positive and of negative weighted cue values: features for the trained model. */
    public double positiveMass() {
        double s = 0;
        for (Cue c : cues) {
            double v = c.value() * clauses.get(c.clause()).weight();
            if (v > 0) {
                s += v;
            }
        }
        return s;
    }

    public double negativeMass() {
        double s = 0;
        for (Cue c : cues) {
            double v = c.value() * clauses.get(c.clause()).weight();
            if (v < 0) {
                s -= v;
            }
        }
        return s;
    }
}
