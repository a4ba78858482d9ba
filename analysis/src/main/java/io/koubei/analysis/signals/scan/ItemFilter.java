package io.koubei.analysis.signals.scan;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import java.util.Set;

/** A {@link FeedbackFilter} applied to one item in memory, with the semantics every store implements. */
public final class ItemFilter {
    private ItemFilter() {
    }

    public static boolean matches(FeedbackFilter f, AnalyzedFeedback a) {
        FeedbackItem it = a.item();
        if (f.from() != null && it.createdAt().isBefore(f.from())) {
            return false;
        }
        if (f.to() != null && !it.createdAt().isBefore(f.to())) {
            return false;
        }
        var an = a.analysis();
        return (f.channels().isEmpty() || f.channels().contains(it.channel()))
                && anyOf(f.sources(), it.source())
                && anyOf(f.products(), it.product())
                && anyOf(f.productVersions(), it.productVersion())
                && (f.polarities().isEmpty() || f.polarities().contains(an.sentiment().polarity()))
                && intersects(f.aspects(), an.aspectIds())
                && intersects(f.aspectPolarities(), an.aspectPolarityKeys())
                && (f.segments().isEmpty() || an.segment() != null && f.segments().contains(an.segment()))
                && (f.npsClasses().isEmpty() || an.npsClass() != null && f.npsClasses().contains(an.npsClass()))
                && (f.ratingScale() == null || it.rating() != null && it.rating().scale() == f.ratingScale())
                && (f.ratingMin() == null || it.rating() != null && it.rating().value() >= f.ratingMin())
                && (f.ratingMax() == null || it.rating() != null && it.rating().value() <= f.ratingMax())
                && anyOf(f.authorIds(), it.authorId())
                && anyOf(f.weeks(), a.week())
                && anyOf(f.days(), a.day())
                && anyOf(f.ids(), it.id())
                && (f.replyTo() == null || f.replyTo().equals(it.replyTo()))
                && (f.official() == null || f.official() == it.fromOfficialAccount())
                && intersects(f.flags(), an.flags())
                && an.flags().stream().noneMatch(f.excludeFlags()::contains)
                && an.tokens().containsAll(f.terms());
    }

    private static boolean anyOf(Set<String> wanted, String value) {
        return wanted.isEmpty() || value != null && wanted.contains(value);
    }

    private static boolean intersects(Set<String> wanted, Set<String> values) {
        if (wanted.isEmpty()) {
            return true;
        }
        for (String v : values) {
            if (wanted.contains(v)) {
                return true;
            }
        }
        return false;
    }
}
