package io.koubei.analysis.signals.scan;

import io.koubei.analysis.signals.astroturf.AstroturfParams;
import io.koubei.analysis.signals.segment.AuthorProfile;
import io.koubei.analysis.signals.segment.AuthorProfiles;
import io.koubei.analysis.signals.segment.CoreUserRules;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Author profiles folded from one streamed read of the window's items without astroturf flags: memory follows the
 * authors, not the items, but every item of the activity window is read. The same profiles as
 * {@link AuthorProfile#build} over those items in scan order (oldest first). A stop-gap for the scan until the
 * store-backed {@code AuthorProfiles} (per-author figures from the store, no item read) is wired in.
 */
public final class StreamedAuthorProfiles implements AuthorProfiles {
    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "是");
    private final ScanSource source;

    public StreamedAuthorProfiles(ScanSource source) {
        this.source = source;
    }

    @Override
    public Map<String, AuthorProfile> asOf(Instant asOf, CoreUserRules rules) {
        // (asOf − window, asOf], as AuthorProfile.build
        FeedbackFilter window = FeedbackFilter.builder().from(asOf.minus(rules.window()).plusNanos(1))
                .to(asOf.plusNanos(1)).official(false).excludeFlags(Set.of(AstroturfParams.FLAG)).build();
        Map<String, Fold> folds = new LinkedHashMap<>();
        source.scan(window, f -> {
            FeedbackItem item = f.item();
            if (item.authorId() != null && !item.fromOfficialAccount()) {
                folds.computeIfAbsent(item.authorId(), k -> new Fold()).add(f, rules);
            }
        });
        Map<String, AuthorProfile> out = new HashMap<>();
        folds.forEach((id, fold) -> out.put(id, fold.profile(id, asOf)));
        return out;
    }

    /** One author's running figures (the loop of {@code AuthorProfile.of}, one item at a time). */
    private static final class Fold {
        Integer level;
        Instant registered;
        Instant latest;
        Instant first;
        int posts;
        int replies;
        int technical;
        boolean beta;
        final Set<Channel> channels = EnumSet.noneOf(Channel.class);

        void add(AnalyzedFeedback f, CoreUserRules rules) {
            FeedbackItem item = f.item();
            Author a = item.author();
            if (latest == null || item.createdAt().isAfter(latest)) {
                latest = item.createdAt();
                if (a.level() != null) {
                    level = a.level();
                }
            } else if (level == null && a.level() != null) {
                level = a.level();
            }
            first = first == null || item.createdAt().isBefore(first) ? item.createdAt() : first;
            if (a.registeredAt() != null && (registered == null || a.registeredAt().isBefore(registered))) {
                registered = a.registeredAt();
            }
            if (item.replyTo() == null) {
                posts++;
            } else {
                replies++;
            }
            String text = ((item.title() == null ? "" : item.title() + " ") + item.text()).toLowerCase(Locale.ROOT);
            if (rules.technicalVocabulary().stream().anyMatch(text::contains)) {
                technical++;
            }
            beta |= item.tags().stream().anyMatch(t -> rules.betaTags().contains(t.toLowerCase(Locale.ROOT)))
                    || rules.betaFields().stream().anyMatch(k -> isYes(item.fields().get(k)));
            channels.add(item.channel());
        }

        AuthorProfile profile(String id, Instant asOf) {
            int items = posts + replies;
            Long tenure = registered == null ? null : Duration.between(registered, asOf).toDays();
            return new AuthorProfile(id, level, tenure, posts, replies, items == 0 ? 0 : (double) technical / items,
                    beta, first, latest, Set.copyOf(channels));
        }

        private static boolean isYes(String v) {
            return v != null && YES.contains(v.trim().toLowerCase(Locale.ROOT));
        }
    }
}
