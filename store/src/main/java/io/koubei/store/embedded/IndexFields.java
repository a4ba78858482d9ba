package io.koubei.store.embedded;

import io.koubei.core.store.Dimension;
import java.time.Instant;

/** Field names of the embedded index and the encodings both the writer and the readers rely on. */
final class IndexFields {
    static final String ID = "id";
    static final String SOURCE_JSON = "_json";
    /** Epoch nanoseconds: LongPoint for ranges, NumericDocValues for sorting. */
    static final String CREATED_AT = "created_at";
    static final String CHANNEL = "channel";
    static final String SOURCE = "source";
    static final String PRODUCT = "product";
    static final String PRODUCT_VERSION = "product_version";
    static final String POLARITY = "polarity";
    static final String NPS_CLASS = "nps_class";
    static final String SEGMENT = "segment";
    static final String ASPECT = "aspect";
    static final String ASPECT_POLARITY = "aspect_polarity";
    static final String AUTHOR = "author";
    static final String FLAG = "flag";
    static final String WEEK = "week";
    static final String DAY = "day";
    static final String REPLY_TO = "reply_to";
    static final String OFFICIAL = "official";
    static final String TOKEN = "token";
    static final String RATING_SCALE = "rating_scale";
    /** DoublePoint for ranges, NumericDocValues (sortable long bits) for sums. */
    static final String RATING = "rating";
    /** Packed polarity / NPS class / rating scale: everything BucketStats needs but the rating value. */
    static final String STATS = "_stats";

    /** Author figures for core/mass profiles (doc values only, on items with an author): see AuthorStatsReader. */
    static final String AUTHOR_LEVEL = "_author_level";
    /** Author registration instant, epoch nanoseconds. */
    static final String AUTHOR_REGISTERED = "_author_registered";
    /** Bits: {@link #MARK_REPLY}, {@link #MARK_TECHNICAL}, {@link #MARK_BETA}. */
    static final String AUTHOR_MARKS = "_author_marks";
    /** {@link io.koubei.core.feedback.AuthorMarks#key()} of the rules the marks were computed with. */
    static final String MARKS_KEY = "_marks_key";
    static final long MARK_REPLY = 1;
    static final long MARK_TECHNICAL = 2;
    static final long MARK_BETA = 4;

    private IndexFields() {
    }

    static String of(Dimension d) {
        return switch (d) {
            case WEEK -> WEEK;
            case DAY -> DAY;
            case CHANNEL -> CHANNEL;
            case SOURCE -> SOURCE;
            case PRODUCT -> PRODUCT;
            case PRODUCT_VERSION -> PRODUCT_VERSION;
            case POLARITY -> POLARITY;
            case NPS_CLASS -> NPS_CLASS;
            case SEGMENT -> SEGMENT;
            case ASPECT -> ASPECT;
            case ASPECT_POLARITY -> ASPECT_POLARITY;
            case AUTHOR -> AUTHOR;
            case FLAG -> FLAG;
        };
    }

    static boolean multiValued(Dimension d) {
        return d.multiValued();
    }

    /** Epoch nanoseconds, saturated outside 1677–2262 (beyond any feedback's lifetime). */
    static long nanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException overflow) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
