package io.koubei.dashboard.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The weekly report as one self-contained XHTML page (inline CSS and SVG), also the input of the PDF. */
public final class HtmlReportRenderer {
    private final ITemplateEngine templates;
    private final ZoneId zone;

    public HtmlReportRenderer(ITemplateEngine templates, ZoneId zone) {
        this.templates = templates;
        this.zone = zone;
    }

    public record Section(String title, List<WeeklyReport.Row> rows) {
    }

    public String render(WeeklyReport r, String fontFamily) {
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("r", r);
        ctx.setVariable("generatedAt", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(r.generatedAt().atZone(zone)));
        ctx.setVariable("trendSvg", SvgCharts.npsTrend(r.trend()));
        ctx.setVariable("sections", List.of(new Section("分渠道", r.byChannel()), new Section("分产品", r.byProduct()),
                new Section("分用户群（核心 / 大众）", r.bySegment())).stream().filter(s -> !s.rows().isEmpty()).toList());
        ctx.setVariable("npsText", (Function<io.koubei.analysis.metrics.NpsScore, String>) MarkdownReportRenderer::nps);
        ctx.setVariable("netText", (Function<io.koubei.analysis.metrics.NetSentiment, String>) MarkdownReportRenderer::net);
        ctx.setVariable("fontFamily", fontFamily == null ? "sans-serif" : "\"" + fontFamily + "\"");
        return templates.process("report/weekly", ctx);
    }
}
