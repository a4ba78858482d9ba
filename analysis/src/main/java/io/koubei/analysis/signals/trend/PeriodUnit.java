package io.koubei.analysis.signals.trend;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.time.CalendarKeys;
import java.time.LocalDate;

/** The granularity of a count series: ISO weeks ({@code 2026-W47}) or days ({@code 2026-11-24}). */
public enum PeriodUnit {
    WEEK,
    DAY;

    /** The key {@code offset} periods after (negative: before) {@code key}. */
    public String shift(String key, int offset) {
        return this == WEEK ? CalendarKeys.shiftWeek(key, offset) : LocalDate.parse(key).plusDays(offset).toString();
    }

    /** The item's key in this unit (computed once by the pipeline in the team's zone). */
    public String keyOf(AnalyzedFeedback f) {
        return this == WEEK ? f.week() : f.day();
    }

    /** Store dimension wire name for drill-down. */
    public String dimension() {
        return this == WEEK ? "week" : "day";
    }
}
