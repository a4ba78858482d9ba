package io.koubei.core.feedback;

import java.util.Locale;

/** Promoter (9–10), passive (7–8) or detractor (0–6) on the 0–10 recommendation scale. */
public enum NpsClass {
    PROMOTER,
    PASSIVE,
    DETRACTOR;

    public static NpsClass of(double score) {
        if (score >= 9) {
            return PROMOTER;
        }
        return score >= 7 ? PASSIVE : DETRACTOR;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
