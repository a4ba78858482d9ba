package io.koubei.core.feedback;

import java.util.List;
import java.util.Set;

/**
 * What the analysis stage derived from one item.
 *
 * @param tokens   the segmented text (lower-cased), the same tokens every store indexes and queries
 * @param sentiment polarity, score and explanation
 * @param opinions opinion points, zero or more
 * @param npsClass from an NPS rating, else null
 * @param segment  core or mass author, null when unknown: a detector's verdict (see {@link Verdicts})
 * @param simhash  64-bit near-duplicate signature of the text
 * @param flags    markers such as {@code astroturf}; flagged items are discounted, never deleted: a detector's
 *                 verdict (see {@link Verdicts})
 * @param analyzerVersion which model produced this
 */
public record Analysis(
        List<String> tokens,
        Sentiment sentiment,
        List<OpinionPoint> opinions,
        NpsClass npsClass,
        Segment segment,
        long simhash,
        Set<String> flags,
        String analyzerVersion) {

    public Analysis {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        sentiment = sentiment == null ? Sentiment.NEUTRAL : sentiment;
        opinions = opinions == null ? List.of() : List.copyOf(opinions);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    /** Distinct aspect ids of the opinion points, in order: what stores index and group by as ASPECT. */
    public Set<String> aspectIds() {
        Set<String> out = new java.util.LinkedHashSet<>();
        opinions.stream().filter(o -> o.aspect() != null).forEach(o -> out.add(o.aspect()));
        return out;
    }

    /** Distinct {@code aspect:polarity} keys of the opinion points, in order (ASPECT_POLARITY). */
    public Set<String> aspectPolarityKeys() {
        Set<String> out = new java.util.LinkedHashSet<>();
        opinions.stream().filter(o -> o.aspect() != null && o.polarity() != null)
                .forEach(o -> out.add(o.aspectPolarityKey()));
        return out;
    }

    /** The detectors' part of this record: flags and segment. */
    public Verdicts verdicts() {
        return new Verdicts(flags, segment);
    }

    /** This analysis with the detectors' verdicts replaced by {@code v}. */
    public Analysis withVerdicts(Verdicts v) {
        return new Analysis(tokens, sentiment, opinions, npsClass, v.segment(), simhash, v.flags(), analyzerVersion);
    }

    public Analysis withSegment(Segment s) {
        return new Analysis(tokens, sentiment, opinions, npsClass, s, simhash, flags, analyzerVersion);
    }

    public Analysis withFlags(Set<String> f) {
        return new Analysis(tokens, sentiment, opinions, npsClass, segment, simhash, f, analyzerVersion);
    }
}
