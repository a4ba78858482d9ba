package io.koubei.analysis.signals.cocoon;

/**
 * @param minItems           a scope needs this many items in the week for a verdict
 * @param minVoices          … and this many distinct accounts (a channel with 3 voices is small, not a cocoon)
 * @param cr10Alert          alert when the top 10 accounts hold at least this share …
 * @param maxEffectiveVoices … or the effective number of voices is at most this
 * @param persistentOverlap  top-20 overlap with last week at least this: the same fixed group (CRITICAL)
 * @param weighting          count items, or weigh each by its engagement (1 + likes + reposts + replies)
 */
public record CocoonParams(int minItems, int minVoices, double cr10Alert, double maxEffectiveVoices,
        double persistentOverlap, Weighting weighting) {
    public enum Weighting {
        ITEMS,
        ENGAGEMENT
    }

    public static final CocoonParams DEFAULTS = new CocoonParams(30, 12, 0.6, 8, 0.5, Weighting.ITEMS);

    public CocoonParams {
        if (minItems < 1 || minVoices < 1 || cr10Alert <= 0 || cr10Alert > 1 || weighting == null) {
            throw new IllegalArgumentException("invalid cocoon parameters");
        }
    }
}
