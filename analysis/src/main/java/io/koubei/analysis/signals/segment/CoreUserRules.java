package io.koubei.analysis.signals.segment;

import io.koubei.core.feedback.AuthorMarks;
import java.time.Duration;
import java.util.Set;

/**
 * Configurable rules that make an author a core user (核心用户) from behaviour over a window; everyone else is
 * mass. Each satisfied rule is a reason; an author is core when at least {@code minCriteria} hold, or when
 * they take part in a beta programme and {@code betaAlone} is set.
 *
 * @param window            behaviour is counted over this window before the classification instant
 * @param minLevel          community level ≥ this (null level: rule not met)
 * @param minTenureDays     registered at least this long (null registration date: not met)
 * @param minPosts          top-level posts in the window
 * @param minReplies        replies in the window
 * @param minTechnicalShare share of the author's items using at least one technical term …
 * @param minItemsForVocabulary … judged only with at least this many items
 * @param technicalVocabulary terms of the trade (matched case-insensitively in title + text)
 * @param betaTags          item tags marking beta participation
 * @param betaFields        item fields marking beta participation (value yes/true/1/是)
 * @param minCriteria       how many rules must hold
 * @param betaAlone         beta participation alone makes a core user
 */
public record CoreUserRules(Duration window, int minLevel, int minTenureDays, int minPosts, int minReplies,
        double minTechnicalShare, int minItemsForVocabulary, Set<String> technicalVocabulary, Set<String> betaTags,
        Set<String> betaFields, int minCriteria, boolean betaAlone) {

    public static final Set<String> DEFAULT_VOCABULARY = AuthorMarks.DEFAULT_VOCABULARY;

    public static final CoreUserRules DEFAULTS = new CoreUserRules(Duration.ofDays(90), 6, 365, 8, 10, 0.3, 3,
            DEFAULT_VOCABULARY, AuthorMarks.DEFAULT.betaTags(), AuthorMarks.DEFAULT.betaFields(),
            2, true);

    public CoreUserRules {
        if (window == null || window.isNegative() || window.isZero() || minCriteria < 1) {
            throw new IllegalArgumentException("invalid core user rules");
        }
        technicalVocabulary = lower(technicalVocabulary);
        betaTags = lower(betaTags);
        betaFields = betaFields == null ? Set.of() : Set.copyOf(betaFields);
    }

    /** The technical-vocabulary and beta rules, as items are marked by them. */
    public AuthorMarks marks() {
        return new AuthorMarks(technicalVocabulary, betaTags, betaFields);
    }

    private static Set<String> lower(Set<String> s) {
        return s == null ? Set.of()
                : s.stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }
}
