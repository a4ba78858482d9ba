package io.koubei.dashboard.report;

import java.util.List;

/**
 * Where the report's "new this week" section (新主题) comes from: discovered themes first seen in the week or emerging
 * in it. The themes package supplies it; without it the section says there are none.
 */
@FunctionalInterface
public interface ReportThemes {
    /** At most {@link #LIMIT} themes of a week (product or null for all), the most pressing first. */
    List<WeeklyReport.NewTheme> newFor(String week, String product);

    int LIMIT = 5;

    ReportThemes NONE = (w, p) -> List.of();
}
