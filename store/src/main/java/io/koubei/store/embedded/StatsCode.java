package io.koubei.store.embedded;

import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.RatingScale;

/**
 * Packs the enum inputs of {@link io.koubei.core.store.BucketStats#of} into one doc value, so an aggregate reads
 * one number per document instead of three strings. Each enum takes 2 bits: 0 = absent, else ordinal + 1.
 */
final class StatsCode {
    /** Every code is below this: a per-code histogram fits in a small array. */
    static final int CODES = 64;
    private static final Polarity[] POLARITIES = Polarity.values();
    private static final NpsClass[] NPS_CLASSES = NpsClass.values();
    private static final RatingScale[] SCALES = RatingScale.values();

    private StatsCode() {
    }

    static long encode(Polarity polarity, NpsClass nps, RatingScale scale) {
        return code(polarity) | (code(nps) << 2) | (code(scale) << 4);
    }

    static Polarity polarity(long code) {
        int c = (int) (code & 3);
        return c == 0 ? null : POLARITIES[c - 1];
    }

    static NpsClass nps(long code) {
        int c = (int) ((code >>> 2) & 3);
        return c == 0 ? null : NPS_CLASSES[c - 1];
    }

    static RatingScale scale(long code) {
        int c = (int) ((code >>> 4) & 3);
        return c == 0 ? null : SCALES[c - 1];
    }

    private static long code(Enum<?> e) {
        return e == null ? 0 : e.ordinal() + 1;
    }
}
