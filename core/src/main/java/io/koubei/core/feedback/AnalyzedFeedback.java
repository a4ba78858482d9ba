package io.koubei.core.feedback;

import java.util.Objects;

/**
 * An item with its analysis and its calendar keys. {@code week} (ISO, e.g. 2026-W47) and {@code day}
 * (yyyy-MM-dd) are computed once in the team's zone so every store groups identically.
 */
public record AnalyzedFeedback(FeedbackItem item, Analysis analysis, String week, String day) {
    public AnalyzedFeedback {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(day, "day");
    }

    public String id() {
        return item.id();
    }

    /** This item with the detectors' verdicts replaced by {@code v} (the same record when they are equal). */
    public AnalyzedFeedback withVerdicts(Verdicts v) {
        return v.equals(analysis.verdicts()) ? this : new AnalyzedFeedback(item, analysis.withVerdicts(v), week, day);
    }
}
