package io.koubei.dashboard.privacy;

import java.util.List;
import java.util.Set;

/**
 * Whose data: one author on one source (author ids are per platform: the same id on Weibo and in the forum are two
 * people), or explicit item ids.
 */
public record PrivacySubject(String author, String source, Set<String> ids) {
    public PrivacySubject {
        ids = ids == null ? Set.of() : Set.copyOf(ids);
        author = blankToNull(author);
        source = blankToNull(source);
        if (ids.isEmpty() && author == null) {
            throw new IllegalArgumentException("give author (with source) or ids");
        }
        if (!ids.isEmpty() && author != null) {
            throw new IllegalArgumentException("give either author (with source) or ids, not both");
        }
        if (author != null && source == null) {
            throw new IllegalArgumentException("source: required with author (author ids are per source, e.g. weibo)");
        }
    }

    public static PrivacySubject ofIds(List<String> ids) {
        return new PrivacySubject(null, null, Set.copyOf(ids));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
