package io.koubei.dashboard.report;

import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.metrics.NpsScore;
import io.koubei.core.store.Dimension;
import java.util.Locale;
import java.util.Map;

/** How the report writes its numbers, in Chinese or English: no data, insufficient data (with n), or value [interval]. */
final class ReportText {
    private static final Map<String, String[]> CHANNELS = Map.of("community", new String[] {"社区", "Community"},
            "social", new String[] {"社交媒体", "Social"}, "review", new String[] {"评价", "Reviews"},
            "survey", new String[] {"问卷", "Survey"}, "ticket", new String[] {"工单", "Tickets"},
            "sales", new String[] {"销售", "Sales"}, "qc", new String[] {"质检", "QC"});

    private ReportText() {
    }

    static String nps(NpsScore s, boolean en) {
        if (s.n() == 0) {
            return en ? "no data" : "无数据";
        }
        if (!s.sufficient()) {
            return (en ? "insufficient data (n=" : "数据不足（n=") + s.n() + (en ? ")" : "）");
        }
        return fmt(s.nps()) + " [" + fmt(s.low()) + ", " + fmt(s.high()) + "]" + (en ? " (n=" : "（n=") + s.n() + (en ? ")" : "）");
    }

    static String net(NetSentiment s, boolean en) {
        if (s.n() == 0) {
            return en ? "no data" : "无数据";
        }
        return String.format(Locale.ROOT, "%+.1f%%", 100 * s.value()) + (s.sufficient() ? "" : en ? " (insufficient data)" : "（数据不足）");
    }

    static String channel(String c, boolean en) {
        String[] names = CHANNELS.get(c);
        return names == null ? none(c, en) : names[en ? 1 : 0];
    }

    static boolean isNone(String key) {
        return key == null || Dimension.NONE.equals(key);
    }

    /** Items without a value for the grouping (e.g. no product) are "unspecified", not "_none". */
    static String none(String key, boolean en) {
        return isNone(key) ? (en ? "(unspecified)" : "（未标注）") : key;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
