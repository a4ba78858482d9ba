package io.koubei.core.feedback;

import java.util.Set;

/**
 * What the cross-item detectors concluded about one item: its flags (such as {@code astroturf}) and its author's
 * core/mass segment. A separate fact from the item's own {@link Analysis} (tokens, sentiment, opinions, hash): the
 * analysis path never sets verdicts, and only the detectors change them, through
 * {@link io.koubei.core.store.FeedbackStore#updateVerdicts}. Re-sending, re-analysing or re-importing an item keeps
 * the verdicts stored for it.
 *
 * @param flags   markers set by detectors; flagged items are discounted, never deleted
 * @param segment core or mass author, null when unknown (or an official account)
 */
public record Verdicts(Set<String> flags, Segment segment) {
    /** No flag, no segment: what a freshly analysed item carries. */
    public static final Verdicts NONE = new Verdicts(Set.of(), null);

    public Verdicts {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    public Verdicts withFlag(String flag) {
        if (flags.contains(flag)) {
            return this;
        }
        Set<String> more = new java.util.HashSet<>(flags);
        more.add(flag);
        return new Verdicts(more, segment);
    }

    public Verdicts withSegment(Segment s) {
        return new Verdicts(flags, s);
    }
}
