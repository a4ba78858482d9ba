package io.koubei.core.feedback;

import java.util.Locale;

public enum Polarity {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Polarity fromWire(String v) {
        return valueOf(v.trim().toUpperCase(Locale.ROOT));
    }
}
