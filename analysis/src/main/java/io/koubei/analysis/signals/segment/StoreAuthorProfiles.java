package io.koubei.analysis.signals.segment;

import io.koubei.analysis.signals.astroturf.AstroturfParams;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.AuthorMarks;
import io.koubei.core.store.AuthorStats;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Author profiles from the store's per-author figures ({@link FeedbackStore#authorStats}): no item is loaded, so the
 * cost follows the authors (and the doc values of the window's items), not the stored records. The same profiles as
 * {@link AuthorProfile#build} over the same items (those without the astroturf flag: a campaign's accounts are
 * nobody's core users): figures come from what the items carry, re-sent items replace
 * themselves, nothing is counted incrementally.
 *
 * <p>Technical vocabulary and beta rules are settings, while the stores mark items when they are upserted (with
 * {@link AuthorMarks#DEFAULT}). Authors with items marked under other rules than {@code rules.marks()} (rules changed,
 * or items stored before marks were indexed) are profiled from their items instead: exact always, fast when the
 * rules are the indexed ones.
 */
final class StoreAuthorProfiles implements AuthorProfiles {
    /** Authors per item read of the fallback, below Elasticsearch's terms-query limit. */
    private static final int AUTHORS_PER_SCAN = 10_000;

    private final FeedbackStore store;

    StoreAuthorProfiles(FeedbackStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Map<String, AuthorProfile> asOf(Instant asOf, CoreUserRules rules) {
        FeedbackFilter window = FeedbackFilter.builder().from(asOf.minus(rules.window()).plusNanos(1))
                .to(asOf.plusNanos(1)).official(false).excludeFlags(Set.of(AstroturfParams.FLAG)).build();
        Map<String, AuthorProfile> out = new HashMap<>();
        List<String> fromItems = new ArrayList<>();
        for (AuthorStats s : store.authorStats(window, rules.marks())) {
            if (s.unmarked() > 0) {
                fromItems.add(s.authorId());
            } else {
                out.put(s.authorId(), profile(s, asOf));
            }
        }
        for (int i = 0; i < fromItems.size(); i += AUTHORS_PER_SCAN) {
            List<AnalyzedFeedback> items = new ArrayList<>();
            Set<String> some = Set.copyOf(fromItems.subList(i, Math.min(fromItems.size(), i + AUTHORS_PER_SCAN)));
            store.scan(window.toBuilder().authorIds(some).build(), items::add);
            out.putAll(AuthorProfile.build(items, asOf, rules));
        }
        return out;
    }

    static AuthorProfile profile(AuthorStats s, Instant asOf) {
        Long tenure = s.registeredAt() == null ? null : Duration.between(s.registeredAt(), asOf).toDays();
        return new AuthorProfile(s.authorId(), s.level(), tenure, Math.toIntExact(s.posts()), Math.toIntExact(s.replies()),
                s.items() == 0 ? 0 : (double) s.technical() / s.items(), s.beta(), s.firstSeen(), s.lastSeen(),
                s.channels());
    }
}
