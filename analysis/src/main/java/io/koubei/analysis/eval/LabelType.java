package io.koubei.analysis.eval;

import io.koubei.core.feedback.Polarity;
import java.util.Locale;

/** How a label column is written. Returns null for a row the evaluation leaves out. */
public enum LabelType {
    /** 0 = negative, 1 = positive (or the words, English or Chinese: 负面/正面). Every prediction must be decided: a score of exactly 0 is wrong. */
    BINARY,
    /** negative / neutral / positive, or -1 / 0 / 1. */
    THREE,
    /** 1–2 negative, 3 neutral, 4–5 positive. */
    STARS;

    public Polarity parse(String raw, boolean excludeNeutral) {
        String v = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        Polarity p = switch (this) {
            case BINARY -> switch (v) {
                case "0", "0.0", "negative", "neg", "负面", "负向", "消极", "差评" -> Polarity.NEGATIVE;
                case "1", "1.0", "positive", "pos", "正面", "正向", "积极", "好评" -> Polarity.POSITIVE;
                default -> throw new IllegalArgumentException("binary label must be 0 or 1, got '" + raw + "'");
            };
            case THREE -> switch (v) {
                case "-1", "negative", "neg", "负面", "负向", "消极", "差评" -> Polarity.NEGATIVE;
                case "0", "neutral", "neu", "中性", "中立", "中评" -> Polarity.NEUTRAL;
                case "1", "+1", "positive", "pos", "正面", "正向", "积极", "好评" -> Polarity.POSITIVE;
                default -> throw new IllegalArgumentException("three-class label must be negative/neutral/positive or -1/0/1, got '" + raw + "'");
            };
            case STARS -> stars(v, raw);
        };
        return excludeNeutral && p == Polarity.NEUTRAL ? null : p;
    }

    private static Polarity stars(String v, String raw) {
        double s;
        try {
            s = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("star label must be a number 1–5, got '" + raw + "'");
        }
        if (s < 1 || s > 5) {
            throw new IllegalArgumentException("star label must be 1–5, got '" + raw + "'");
        }
        return s < 3 ? Polarity.NEGATIVE : s > 3 ? Polarity.POSITIVE : Polarity.NEUTRAL;
    }

    public static LabelType fromWire(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
