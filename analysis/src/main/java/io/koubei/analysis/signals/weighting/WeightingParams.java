package io.koubei.analysis.signals.weighting;

import io.koubei.analysis.signals.astroturf.AstroturfParams;
import java.util.Set;

/**
 * How weighted metrics discount items.
 *
 * @param excludeFlags       items carrying any of these flags get weight 0 (default {@code astroturf})
 * @param capPerAccount      an account's total weight per (topic, week) is capped at this many items: with
 *                           cap 3, an account posting 12 times about one product in a week counts as 3
 * @param topic              what "topic" means for the cap
 * @param minimumN           below this (effective) sample size a metric is "insufficient data"
 */
public record WeightingParams(Set<String> excludeFlags, double capPerAccount, Topic topic, int minimumN) {
    public enum Topic {
        /** One topic per product (items without product share one topic). */
        PRODUCT,
        /** One topic per product and aspect set: posts about different details are different topics. */
        PRODUCT_ASPECT
    }

    public static final WeightingParams DEFAULTS = new WeightingParams(Set.of(AstroturfParams.FLAG), 3, Topic.PRODUCT, 30);

    public WeightingParams {
        excludeFlags = excludeFlags == null ? Set.of() : Set.copyOf(excludeFlags);
        if (capPerAccount <= 0 || topic == null || minimumN < 1) {
            throw new IllegalArgumentException("invalid weighting parameters");
        }
    }
}
