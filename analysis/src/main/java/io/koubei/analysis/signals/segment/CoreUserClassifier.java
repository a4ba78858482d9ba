package io.koubei.analysis.signals.segment;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Core vs mass from behaviour (metrics.md): level, tenure, posts and replies in a window, technical
 * vocabulary, beta participation. The result goes to {@code Analysis.segment} of the author's items.
 *
 * <p>Blind spots: one person's accounts on different platforms are different authors (a forum veteran is
 * "mass" on Weibo); sources without level or registration date (tickets, app stores) can only qualify by
 * activity and vocabulary; the vocabulary list is a starting point per product category; a loud newcomer
 * with many technical posts becomes core by design.
 */
public final class CoreUserClassifier {
    private final CoreUserRules rules;

    public CoreUserClassifier(CoreUserRules rules) {
        this.rules = rules;
    }

    public CoreUserClassifier() {
        this(CoreUserRules.DEFAULTS);
    }

    public CoreUserRules rules() {
        return rules;
    }

    public Classification classify(AuthorProfile p) {
        List<String> reasons = new ArrayList<>();
        if (p.level() != null && p.level() >= rules.minLevel()) {
            reasons.add("社区等级 " + p.level() + " ≥ " + rules.minLevel());
        }
        if (p.tenureDays() != null && p.tenureDays() >= rules.minTenureDays()) {
            reasons.add("注册 " + p.tenureDays() + " 天 ≥ " + rules.minTenureDays());
        }
        if (p.posts() >= rules.minPosts()) {
            reasons.add("窗口内发帖 " + p.posts() + " ≥ " + rules.minPosts());
        }
        if (p.replies() >= rules.minReplies()) {
            reasons.add("窗口内回复 " + p.replies() + " ≥ " + rules.minReplies());
        }
        if (p.items() >= rules.minItemsForVocabulary() && p.technicalShare() >= rules.minTechnicalShare()) {
            reasons.add(String.format("技术词汇占比 %.0f%% ≥ %.0f%%", p.technicalShare() * 100, rules.minTechnicalShare() * 100));
        }
        if (p.beta()) {
            reasons.add("参与内测/公测");
        }
        boolean core = reasons.size() >= rules.minCriteria() || (p.beta() && rules.betaAlone());
        return new Classification(p.authorId(), core ? Segment.CORE : Segment.MASS, reasons, p);
    }

    /** Every author with items in the window, classified; keyed by author id. */
    public Map<String, Classification> classifyAll(Collection<AnalyzedFeedback> items, Instant asOf) {
        Map<String, Classification> out = new LinkedHashMap<>();
        AuthorProfile.build(items, asOf, rules).forEach((id, p) -> out.put(id, classify(p)));
        return out;
    }

    /**
     * Segment of an item as {@code classes} judge its author, else the segment stored on the item (null for
     * anonymous or official items). The classification comes first because detectors compare weeks: stored
     * segments are each week's judgement on the data then, and while the data is younger than the activity
     * window early weeks were judged on less of it, so the core segment would seem to grow by itself.
     */
    public static Segment segmentOf(AnalyzedFeedback f, Map<String, Classification> classes) {
        Classification c = f.item().authorId() == null ? null : classes.get(f.item().authorId());
        return c != null ? c.segment() : f.analysis().segment();
    }

    /** Both counts are always shown: authors and items per segment. */
    public static SegmentCounts count(Map<String, Classification> classes) {
        long coreAuthors = 0;
        long coreItems = 0;
        long massAuthors = 0;
        long massItems = 0;
        for (Classification c : classes.values()) {
            if (c.segment() == Segment.CORE) {
                coreAuthors++;
                coreItems += c.profile().items();
            } else {
                massAuthors++;
                massItems += c.profile().items();
            }
        }
        return new SegmentCounts(coreAuthors, coreItems, massAuthors, massItems);
    }

    public record SegmentCounts(long coreAuthors, long coreItems, long massAuthors, long massItems) {
    }
}
