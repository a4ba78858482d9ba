package io.koubei.dashboard.report;

import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.metrics.NpsScore;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The weekly report as one self-contained XHTML page (inline CSS and SVG, no script), also the input of the PDF.
 * Chinese by default; English with {@link Locale#ENGLISH}. Section labels come from messages*.properties
 * ({@code report.*}), aspect names from the taxonomy (Chinese) or {@code aspect.*} messages (English).
 */
public final class HtmlReportRenderer {
    /** Note kinds as the alert notes name them (Chinese), in English. */
    private static final Map<String, String> KINDS_EN = Map.ofEntries(Map.entry("渠道背离", "divergence"),
            Map.entry("水军", "astroturf"), Map.entry("信息茧房", "concentration"), Map.entry("沉默", "silence"),
            Map.entry("突增", "spike"), Map.entry("核心用户意见", "core users"), Map.entry("满意度", "satisfaction"),
            Map.entry("事件影响", "event impact"), Map.entry("竞品", "competitor"), Map.entry("预警", "alert"),
            Map.entry("响应速度", "response speed"));

    private final ITemplateEngine templates;
    private final ZoneId zone;
    private final BiFunction<String, Locale, String> aspectLabel;
    private final BiFunction<String, Locale, String> segmentLabel;
    private final Function<String, String> sourceLabel;
    private Function<String, String> productLabel = p -> p;

    /** Products by display name (settings), e.g. 星河 X1 for nova-x1. */
    public HtmlReportRenderer withProductLabels(Function<String, String> label) {
        this.productLabel = label;
        return this;
    }

    public HtmlReportRenderer(ITemplateEngine templates, ZoneId zone) {
        this(templates, zone, (a, l) -> a, (s, l) -> s, s -> s);
    }

    /** @param sourceLabel a source's display name (channel settings), e.g. 微博 for weibo */
    public HtmlReportRenderer(ITemplateEngine templates, ZoneId zone, BiFunction<String, Locale, String> aspectLabel,
            BiFunction<String, Locale, String> segmentLabel, Function<String, String> sourceLabel) {
        this.templates = templates;
        this.zone = zone;
        this.aspectLabel = aspectLabel;
        this.segmentLabel = segmentLabel;
        this.sourceLabel = sourceLabel;
    }

    /** How many still-open alerts from earlier weeks the report lists by name (the rest are counted). */
    static final int OPEN_ALERTS_LISTED = 10;

    /** A note kind (the alert notes name them in Chinese) in English. */
    static String kindEn(String kind) {
        return KINDS_EN.getOrDefault(kind, kind);
    }

    public record Section(String id, String title, List<WeeklyReport.Row> rows, Function<String, String> label) {
    }

    public String render(WeeklyReport r, String fontFamily) {
        return render(r, fontFamily, Locale.SIMPLIFIED_CHINESE);
    }

    public String render(WeeklyReport r, String fontFamily, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        Locale l = en ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        Context ctx = new Context(l);
        ctx.setVariable("r", r);
        ctx.setVariable("lang", en ? "en" : "zh-CN");
        ctx.setVariable("generatedAt", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(r.generatedAt().atZone(zone)));
        ctx.setVariable("trendSvg", SvgCharts.npsTrend(r.trend()));
        ctx.setVariable("sections", List.of(
                new Section("by-channel", en ? "By channel" : "分渠道", r.byChannel(), c -> ReportText.channel(c, en)),
                new Section("by-product", en ? "By product" : "分产品", r.byProduct(),
                        p -> ReportText.isNone(p) ? ReportText.none(p, en) : productLabel.apply(p)),
                new Section("by-segment", en ? "By user group (core / mass)" : "分用户群（核心 / 大众）", r.bySegment(),
                        s -> ReportText.isNone(s) ? ReportText.none(s, en) : segmentLabel.apply(s, l)))
                .stream().filter(s -> !s.rows().isEmpty()).toList());
        ctx.setVariable("npsText", (Function<NpsScore, String>) s -> ReportText.nps(s, en));
        ctx.setVariable("npsValue", (Function<NpsScore, String>) s -> s.n() > 0 && s.sufficient() ? ReportText.fmt(s.nps())
                : ReportText.nps(s, en));
        ctx.setVariable("netText", (Function<NetSentiment, String>) s -> ReportText.net(s, en));
        ctx.setVariable("change", (Function<WeeklyReport.Change, String>) c -> en ? c.textEn() : c.textZh());
        ctx.setVariable("aspect", (Function<String, String>) a -> aspectLabel.apply(a, l));
        NoteWords.Names names = new NoteWords.Names(a -> aspectLabel.apply(a, l), sourceLabel);
        ctx.setVariable("noteTitle", (Function<WeeklyReport.Note, String>) n -> NoteWords.title(n, en, names));
        ctx.setVariable("noteDetail", (Function<WeeklyReport.Note, String>) n -> NoteWords.detail(n, en));
        ctx.setVariable("followTitle", (Function<WeeklyReport.FollowUp, String>) f -> NoteWords.title(f, en, names));
        ctx.setVariable("noteKind", (Function<String, String>) k -> en ? KINDS_EN.getOrDefault(k, k) : k);
        ctx.setVariable("themeStatus", (Function<WeeklyReport.NewTheme, String>) t -> NewThemeWords.status(t, en));
        ctx.setVariable("themeVolume", (Function<WeeklyReport.NewTheme, String>) t -> NewThemeWords.volume(t, en));
        ctx.setVariable("themeChannels", (Function<WeeklyReport.NewTheme, String>) t -> NewThemeWords.channels(t, en));
        ReportSummary summary = ReportSummary.of(r, en, a -> aspectLabel.apply(a, l), sourceLabel);
        ctx.setVariable("summary", summary);
        ctx.setVariable("conclusions", String.join(en ? " " : "", summary.conclusions()));
        ctx.setVariable("quietSources", String.join(en ? ", " : "、", r.silence().quietSources().stream().map(sourceLabel).toList()));
        List<WeeklyReport.FollowUp> older = r.openAlerts().stream().filter(a -> !a.newThisWeek()).toList();
        ctx.setVariable("olderOpen", older.stream().limit(OPEN_ALERTS_LISTED).toList());
        ctx.setVariable("olderMore", Math.max(0, older.size() - OPEN_ALERTS_LISTED));
        ctx.setVariable("fontFamily", fontFamily == null ? "sans-serif" : "\"" + fontFamily + "\"");
        return templates.process("report/weekly", ctx);
    }
}
