package io.koubei.analysis.signals.segment;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.AuthorMarks;
import io.koubei.core.feedback.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One author's behaviour over a window: what the core-user rules look at.
 *
 * @param level          latest community level seen, or null
 * @param tenureDays     days from registration to the classification instant, or null
 * @param posts          top-level items in the window
 * @param replies        replies (items with replyTo) in the window
 * @param technicalShare share of the author's items using a technical term
 * @param beta           tagged or marked as beta participant on any item
 */
public record AuthorProfile(String authorId, Integer level, Long tenureDays, int posts, int replies,
        double technicalShare, boolean beta, Instant firstSeen, Instant lastSeen, Set<Channel> channels) {

    public int items() {
        return posts + replies;
    }

    /** Profiles of every (non-official) author with items in (asOf − window, asOf]. */
    public static Map<String, AuthorProfile> build(Collection<AnalyzedFeedback> items, Instant asOf, CoreUserRules rules) {
        Instant from = asOf.minus(rules.window());
        Map<String, List<AnalyzedFeedback>> byAuthor = new LinkedHashMap<>();
        for (AnalyzedFeedback f : items) {
            Instant t = f.item().createdAt();
            if (f.item().authorId() == null || f.item().fromOfficialAccount() || !t.isAfter(from) || t.isAfter(asOf)) {
                continue;
            }
            byAuthor.computeIfAbsent(f.item().authorId(), k -> new ArrayList<>()).add(f);
        }
        Map<String, AuthorProfile> out = new LinkedHashMap<>();
        byAuthor.forEach((id, list) -> out.put(id, of(id, list, asOf, rules)));
        return out;
    }

    static AuthorProfile of(String id, List<AnalyzedFeedback> items, Instant asOf, CoreUserRules rules) {
        Integer level = null;
        Instant registered = null;
        Instant latest = null;
        Instant first = null;
        int posts = 0;
        int replies = 0;
        int technical = 0;
        boolean beta = false;
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        AuthorMarks marks = rules.marks();
        for (AnalyzedFeedback f : items) {
            var item = f.item();
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
            if (marks.technical(item)) {
                technical++;
            }
            beta |= marks.beta(item);
            channels.add(item.channel());
        }
        Long tenure = registered == null ? null : Duration.between(registered, asOf).toDays();
        return new AuthorProfile(id, level, tenure, posts, replies, items.isEmpty() ? 0 : (double) technical / items.size(),
                beta, first, latest, Set.copyOf(channels));
    }
}
