package io.koubei.dashboard.report;

import io.koubei.dashboard.report.WeeklyReport.NewTheme;
import java.util.Locale;

/** How the "new this week" section words a theme, in Chinese or English (the HTML and the Markdown report alike). */
final class NewThemeWords {
    private NewThemeWords() {
    }

    /** "本周首次出现" / "first seen this week", or "明显增多" / "growing". */
    static String status(NewTheme t, boolean en) {
        if (t.firstSeen()) {
            return en ? "first seen this week" : "本周首次出现";
        }
        return en ? "growing" : "明显增多";
    }

    /** "负面 12 条，平时每周约 0 条" / "12 negative items, usually about 0 a week". */
    static String volume(NewTheme t, boolean en) {
        String usual = t.usual() == Math.rint(t.usual()) ? String.valueOf((long) t.usual())
                : String.format(Locale.ROOT, "%.1f", t.usual());
        return en ? t.negative() + " negative items, usually about " + usual + " a week"
                : "负面 " + t.negative() + " 条，平时每周约 " + usual + " 条";
    }

    static String channels(NewTheme t, boolean en) {
        return String.join(en ? ", " : "、", t.channels().stream().map(c -> ReportText.channel(c, en)).toList());
    }
}
