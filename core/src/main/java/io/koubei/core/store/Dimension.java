package io.koubei.core.store;

import io.koubei.core.feedback.AnalyzedFeedback;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

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

    /** Multi-valued dimensions count an item once in each of its values. */
    public boolean multiValued() {
        return this == ASPECT || this == ASPECT_POLARITY || this == FLAG;
    }

    /** The filter that narrows to one of this dimension's buckets (its drill-down), from {@link FilterField}. */
    public FilterField filter() {
        return FilterField.of(this);
    }

    /**
     * The item's value(s) for this dimension, as every store keys them: the one definition the in-memory aggregation
     * and the store contract tests share (a missing value is {@link #NONE}).
     */
    public Set<String> values(AnalyzedFeedback f) {
        var item = f.item();
        var a = f.analysis();
        Set<String> out = new LinkedHashSet<>();
        switch (this) {
            case WEEK -> out.add(f.week());
            case DAY -> out.add(f.day());
            case CHANNEL -> out.add(item.channel().wireName());
            case SOURCE -> out.add(item.source());
            case PRODUCT -> out.add(orNone(item.product()));
            case PRODUCT_VERSION -> out.add(orNone(item.productVersion()));
            case POLARITY -> out.add(a.sentiment().polarity().wireName());
            case NPS_CLASS -> out.add(a.npsClass() == null ? NONE : a.npsClass().wireName());
            case SEGMENT -> out.add(a.segment() == null ? NONE : a.segment().wireName());
            case ASPECT -> out.addAll(a.aspectIds());
            case ASPECT_POLARITY -> out.addAll(a.aspectPolarityKeys());
            case AUTHOR -> out.add(orNone(item.authorId()));
            case FLAG -> out.addAll(new TreeSet<>(a.flags()));
        }
        if (out.isEmpty()) {
            out.add(NONE);
        }
        return out;
    }

    private static String orNone(String v) {
        return v == null || v.isBlank() ? NONE : v;
    }

    public static Dimension fromWire(String v) {
        return valueOf(v.trim().toUpperCase(Locale.ROOT));
    }
}
