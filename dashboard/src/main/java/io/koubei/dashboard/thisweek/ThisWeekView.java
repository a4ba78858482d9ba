package io.koubei.dashboard.thisweek;

import io.koubei.dashboard.thisweek.ThisWeek.Change;
import io.koubei.dashboard.thisweek.ThisWeek.Point;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Page helpers for the "this week" block ({@code ${@thisWeekView.sparkline(f.series)}}): a small inline SVG drawn from
 * numbers only (nothing user-written goes into it), and changes written as "−3.2 分（显著）".
 */
@Component("thisWeekView")
public class ThisWeekView {
    static final int WIDTH = 120;
    static final int HEIGHT = 28;

    private final MessageSource messages;

    public ThisWeekView(MessageSource messages) {
        this.messages = messages;
    }

    /** A polyline over the weeks with values, the last point marked; gaps (null) break nothing, they are skipped. */
    public String sparkline(List<Point> series) {
        if (series == null || series.isEmpty()) {
            return "";
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Point p : series) {
            if (p.value() != null) {
                min = Math.min(min, p.value());
                max = Math.max(max, p.value());
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return "";
        }
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder pts = new StringBuilder();
        double lastX = 0;
        double lastY = 0;
        double step = series.size() == 1 ? 0 : (WIDTH - 4.0) / (series.size() - 1);
        for (int i = 0; i < series.size(); i++) {
            Double v = series.get(i).value();
            if (v == null) {
                continue;
            }
            lastX = 2 + i * step;
            lastY = 2 + (HEIGHT - 4) * (1 - (v - min) / span);
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", lastX, lastY));
        }
        return String.format(Locale.ROOT, "<svg class=\"spark\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-hidden=\"true\"><polyline fill=\"none\" stroke=\"#c8102e\" stroke-width=\"1.5\" points=\"%s\"/>"
                + "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#c8102e\"/></svg>",
                WIDTH, HEIGHT, WIDTH, HEIGHT, pts.toString().trim(), lastX, lastY);
    }

    /** "−3.2 分（显著）" / "−3.2 pts (significant)"; "–" when there is nothing to compare. */
    public String change(Change c, String unitKey) {
        if (c == null) {
            return "–";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String sig = messages.getMessage(c.significant() ? "thisweek.sig" : "thisweek.notSig", null, locale);
        String unit = messages.getMessage(unitKey, null, locale);
        return "en".equals(locale.getLanguage())
                ? FindingText.signed(c.value()) + " " + unit + " (" + sig + ")"
                : FindingText.signed(c.value()) + " " + unit + "（" + sig + "）";
    }

    public String number(Double v) {
        return v == null ? "–" : FindingText.pct(v).replace("%", "");
    }
}
