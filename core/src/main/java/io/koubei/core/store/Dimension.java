package io.koubei.core.store;

import java.util.Locale;

/**
 * What an aggregate can be grouped by. Multi-valued dimensions (ASPECT, ASPECT_POLARITY, FLAG) count an
 * item once in each of its values; an item with no value for a dimension falls in the bucket {@link #NONE}.
 */
public enum Dimension {
    WEEK,
    DAY,
    CHANNEL,
    SOURCE,
    PRODUCT,
    PRODUCT_VERSION,
    POLARITY,
    NPS_CLASS,
    SEGMENT,
    ASPECT,
    ASPECT_POLARITY,
    AUTHOR,
    FLAG;

    /** Bucket key for items without a value. */
    public static final String NONE = "_none";

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Dimension fromWire(String v) {
        return valueOf(v.trim().toUpperCase(Locale.ROOT));
    }
}
