package io.koubei.analysis.signals.segment;

import io.koubei.core.feedback.AnalyzedFeedback;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where core/mass classification gets its per-author behaviour: the profile of every non-official author with
 * items in {@code (asOf − rules.window(), asOf]}, with the same semantics as {@link AuthorProfile#build}.
 * Implementations: {@link #ofItems} over an item list (unit tests, small in-memory paths) and a store-backed one
 * that reads per-author statistics from the store without loading items.
 */
@FunctionalInterface
public interface AuthorProfiles {

    /** Profiles keyed by author id, in no particular order. */
    Map<String, AuthorProfile> asOf(Instant asOf, CoreUserRules rules);

    /** Profiles computed from these items (today's {@link AuthorProfile#build}). */
    static AuthorProfiles ofItems(Collection<AnalyzedFeedback> items) {
        List<AnalyzedFeedback> copy = List.copyOf(items);
        return (asOf, rules) -> AuthorProfile.build(copy, asOf, rules);
    }
}
