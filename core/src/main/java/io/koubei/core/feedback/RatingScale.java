package io.koubei.core.feedback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Rating scales accepted by format v1, with their valid ranges. */
public enum RatingScale {
    NPS(0, 10),
    STARS(1, 5),
    CSAT(1, 5);

    private final double min;
    private final double max;

    RatingScale(double min, double max) {
        this.min = min;
        this.max = max;
    }

    public boolean accepts(double value) {
        return !Double.isNaN(value) && value >= min && value <= max;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RatingScale> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(v)).findFirst();
    }
}
