package io.koubei.dashboard.themes;

import io.koubei.analysis.signals.Weeks;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.dashboard.report.ReportThemes;
import io.koubei.dashboard.report.WeeklyReport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The weekly report's "new this week" themes: {@link ThemeService#newInWeek} over the same history window as the
 * detector scan (the settings' history weeks, none before the data starts), each with a link to its items that week.
 */
public final class ThemeReportSource implements ReportThemes {
    private final ThemeService themes;
    private final Supplier<ScanConfig> detectors;

    /** @param detectors the detectors' configuration (history weeks, data start), as the scan reads it */
    public ThemeReportSource(ThemeService themes, Supplier<ScanConfig> detectors) {
        this.themes = themes;
        this.detectors = detectors;
    }

    @Override
    public List<WeeklyReport.NewTheme> newFor(String week, String product) {
        ScanConfig c = detectors.get();
        List<String> history = new ArrayList<>();
        for (String w : Weeks.before(week, c.historyWeeks())) {
            if (c.dataStart() == null || w.compareTo(c.dataStart()) >= 0) {
                history.add(w);
            }
        }
        return themes.newInWeek(week, product, history, LIMIT).stream()
                .map(t -> new WeeklyReport.NewTheme(t.id(), t.name(), t.negative(), t.usual(), t.firstSeen(), t.emerging(),
                        t.channels().stream().map(ch -> ch.wireName()).toList(), t.quote(), link(t.id(), week, product)))
                .toList();
    }

    /** The search page over the theme's items of the week (and product). */
    static String link(String id, String week, String product) {
        return "/search?theme=" + id + "&week=" + week
                + (product == null ? "" : "&product=" + URLEncoder.encode(product, StandardCharsets.UTF_8));
    }
}
