package io.koubei.analysis.signals.segment;

import io.koubei.core.feedback.Polarity;
import java.time.Instant;
import java.util.List;

/**
 * One opinion point of core users (意见点): (aspect, polarity, product, version) with how many said it, who,
 * when, and in their words.
 *
 * @param score     recency-weighted frequency: Σ 0.5^(age / half-life) over mentions
 * @param snippets  a few distinct snippets, personal data masked
 * @param itemIds   the items behind it
 */
public record RankedOpinion(String aspect, Polarity polarity, String product, String version, int mentions,
        int authors, Instant firstSeen, Instant lastSeen, double score, List<String> snippets, List<String> itemIds) {
}
