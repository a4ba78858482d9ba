package io.koubei.dashboard.report;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/** Small inline SVG charts, so a report file is readable offline and printable without scripts. */
public final class SvgCharts {
    private static final int W = 660; // fits an A4 page's text width (186 mm = 703 px)
    private static final int H = 220;
    private static final int PAD_L = 40;
    private static final int PAD_B = 28;
    private static final int PAD_T = 12;

    private SvgCharts() {
    }

    /** NPS per week as a line, its 95% interval as a band; weeks without sufficient data are gaps. */
    public static String npsTrend(List<WeeklyReport.WeekPoint> points) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" role=\"img\" aria-label=\"NPS trend\">");
        for (int v = -100; v <= 100; v += 50) {
            double y = y(v);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e6eb\"/>", PAD_L, W - 8, y, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%.1f\" font-size=\"10\" fill=\"#646a73\">%d</text>", y + 3, v));
        }
        int n = points.size();
        double step = n <= 1 ? 0 : (W - PAD_L - 16.0) / (n - 1);
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            var p = points.get(i);
            double x = PAD_L + i * step;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" fill=\"#646a73\" text-anchor=\"middle\">%s</text>",
                    x, H - 8, HtmlUtils.htmlEscape(p.week().substring(5))));
            if (p.nps().n() == 0 || !p.nps().sufficient()) {
                continue;
            }
            upper.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(p.nps().high())));
            lower.insert(0, String.format(Locale.ROOT, "%.1f,%.1f ", x, y(p.nps().low())));
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(p.nps().nps())));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#c8102e\"><title>%s: %.1f (n=%d)</title></circle>",
                    x, y(p.nps().nps()), HtmlUtils.htmlEscape(p.week()), p.nps().nps(), p.nps().n()));
        }
        if (upper.length() > 0) {
            svg.insert(svg.indexOf(">") + 1, "<polygon points=\"" + upper + lower + "\" fill=\"#c8102e\" fill-opacity=\"0.15\"/>"
                    + "<polyline points=\"" + line + "\" fill=\"none\" stroke=\"#c8102e\" stroke-width=\"2\"/>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static double y(double nps) {
        return PAD_T + (100 - nps) / 200.0 * (H - PAD_T - PAD_B);
    }
}
