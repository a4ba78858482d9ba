package io.koubei.core.feedback;

/** A numeric rating on one of the known scales. Validated on construction. */
public record Rating(RatingScale scale, double value) {
    public Rating {
        if (scale == null) {
            throw new IllegalArgumentException("rating scale is required");
        }
        if (!scale.accepts(value)) {
            throw new IllegalArgumentException(
                    "rating " + value + " is outside " + scale.wireName() + " range " + scale.min() + "–" + scale.max());
        }
    }

    /** NPS class of an NPS rating, or null for other scales. */
    public NpsClass npsClass() {
        return scale == RatingScale.NPS ? NpsClass.of(value) : null;
    }
}
