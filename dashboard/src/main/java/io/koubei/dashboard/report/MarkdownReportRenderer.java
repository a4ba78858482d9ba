package io.koubei.dashboard.report;

import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.metrics.NpsScore;
import java.util.Locale;

/** The weekly report as Markdown (Chinese), for chat tools and e-mail bodies. */
public final class MarkdownReportRenderer {
    private final java.util.function.UnaryOperator<String> aspectName;
    private final java.util.function.UnaryOperator<String> sourceName;

    public MarkdownReportRenderer() {
        this(a -> a, s -> s);
    }

    /**
     * @param aspectName the taxonomy's name of an aspect id
     * @param sourceName a source's display name (channel settings)
     */
    public MarkdownReportRenderer(java.util.function.UnaryOperator<String> aspectName,
            java.util.function.UnaryOperator<String> sourceName) {
        this.aspectName = aspectName;
        this.sourceName = sourceName;
    }

    public String render(WeeklyReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# 口碑周报 ").append(r.week()).append(r.product() == null ? "" : " · " + t(r.product())).append("\n\n");
        var silence = r.silence();
        ReportSummary summary = ReportSummary.of(r, false, aspectName, sourceName);
        md.append("## 本周结论\n\n").append(t(String.join("", summary.conclusions()))).append("\n\n## 主要原因\n\n");
        summary.reasons().forEach(x -> md.append("- ").append(t(x)).append("\n"));
        md.append("\n## 建议跟进\n\n");
        summary.followUps().forEach(x -> md.append("- ").append(t(x)).append("\n"));
        md.append('\n');
        var h = r.headline();
        md.append("## NPS\n\n");
        md.append("- 本周 NPS：").append(nps(h.current())).append("\n");
        md.append("- 对比上周：").append(h.vsLastWeek().textZh()).append("（上周 ").append(nps(h.lastWeek())).append("）\n");
        md.append("- 对比前四周：").append(h.vsTrailing4().textZh()).append("（前四周合计 ").append(nps(h.trailing4())).append("）\n");
        md.append("- 净情感：").append(net(h.netSentiment())).append("，反馈量 ").append(h.volume()).append("\n\n");

        table(md, "## 分渠道", r.byChannel());
        table(md, "## 分产品", r.byProduct());
        table(md, "## 分用户群（核心 / 大众）", r.bySegment());

        md.append("## NPS 驱动因素\n\n");
        if (r.drivers().isEmpty()) {
            md.append("本周 NPS 受访者中没有可归因的意见点。\n\n");
        } else {
            md.append("| 方面 | 方向 | 贬损者提及 | 推荐者提及 | 去掉后 NPS |\n|---|---|---|---|---|\n");
            for (var d : r.drivers()) {
                md.append("| ").append(t(aspectName.apply(d.aspect()))).append(" | ").append(d.direction().equals("down") ? "拉低" : "拉高")
                        .append(" | ").append(d.detractorMentions()).append("/").append(d.detractors())
                        .append(" | ").append(d.promoterMentions()).append("/").append(d.promoters())
                        .append(" | ").append(d.npsWithout() == null ? "–" : fmt(d.npsWithout())).append(" |\n");
            }
            md.append('\n');
        }
        md.append("## 核心用户意见点\n\n");
        if (r.coreOpinions().isEmpty()) {
            md.append("本周没有核心用户意见点。\n\n");
        }
        for (var o : r.coreOpinions()) {
            md.append("- **").append(t(aspectName.apply(o.aspect()))).append("**（").append(o.polarity()).append("，").append(o.count())
                    .append(" 条）：").append(o.example() == null ? "" : t(o.example())).append("\n");
        }
        var m = r.massImpression();
        md.append("\n## 大众用户印象\n\n- 反馈量 ").append(m.volume()).append("，净情感 ").append(net(m.net()))
                .append("（上周 ").append(net(m.netLastWeek())).append("），NPS ").append(nps(m.nps())).append("\n");
        if (!m.clusteredAspects().isEmpty()) {
            md.append("- 集中的产品点：");
            m.clusteredAspects().forEach(a -> md.append(t(aspectName.apply(a.aspect()))).append(" ").append(a.count()).append("（负面 ")
                    .append(a.negative()).append("）；"));
            md.append('\n');
        }
        md.append("\n## 预警与信号\n\n");
        if (r.signals().isEmpty()) {
            md.append(silence.noData() ? "本周没有数据，检测无从发现新问题；沉默本身就是信号。\n" : "本周没有新预警。\n");
        }
        r.signals().forEach(s -> md.append("- 【").append(t(s.kind())).append("】").append(t(s.title())).append("：").append(t(s.detail())).append("\n"));
        var older = r.openAlerts().stream().filter(a -> !a.newThisWeek()).toList();
        if (!older.isEmpty()) {
            md.append("\n仍未解决的预警 ").append(r.openAlerts().size()).append(" 条（含往周）：\n\n");
            older.stream().limit(HtmlReportRenderer.OPEN_ALERTS_LISTED).forEach(a -> md.append("- 【").append(t(a.kind())).append("】")
                    .append(t(a.title())).append(" · 最近出现于 ").append(a.week()).append(" · ")
                    .append("acknowledged".equals(a.status()) ? "已确认" : "待处理").append(" · ")
                    .append(a.owner() == null ? "未认领" : "负责人 " + t(a.owner())).append("\n"));
            if (older.size() > HtmlReportRenderer.OPEN_ALERTS_LISTED) {
                md.append("- 另有 ").append(older.size() - HtmlReportRenderer.OPEN_ALERTS_LISTED).append(" 条，见预警页。\n");
            }
        }
        md.append("\n## 渠道背离\n\n");
        if (r.divergences().isEmpty()) {
            md.append(silence.noData() ? "本周没有数据，无法判断各渠道是否背离。\n" : "本周各渠道走势一致，未发现背离。\n");
        }
        r.divergences().forEach(d -> md.append("- ").append(t(d.title())).append("：").append(t(d.detail())).append("\n"));
        var i = r.integrity();
        md.append("\n## 水军与声量集中度\n\n");
        if (i.flagged() == 0) {
            md.append("本周 ").append(i.items()).append(" 条反馈中没有被标记为疑似水军的内容。\n");
        } else {
            md.append("- 疑似水军 ").append(i.flagged()).append(" / ").append(i.items()).append(" 条；NPS 含水军 ")
                    .append(nps(i.rawNps())).append("，去除后 ").append(nps(i.weightedNps())).append("；净情感含水军 ")
                    .append(net(i.rawNet())).append("，去除后 ").append(net(i.weightedNet())).append("\n");
        }
        for (var v : r.voices()) {
            md.append("- ").append(t(v.channel())).append("：").append(v.items()).append(" 条，").append(v.voices())
                    .append(" 个账号，CR10 ").append(String.format(Locale.ROOT, "%.0f%%", 100 * v.cr10()))
                    .append("，有效声音数 ").append(fmt(v.effectiveVoices()))
                    .append(v.concentrated() ? "（声量集中）" : v.enoughData() ? "" : "（样本少）").append("\n");
        }
        md.append("\n## 用户原声\n\n");
        r.verbatims().forEach(v -> md.append("> ").append(t(v.text())).append(" —— ").append(t(v.channel()))
                .append(v.rating() == null ? "" : " · " + fmt(v.rating())).append("\n>\n"));
        md.append("\n## 样本覆盖\n\n| 渠道 | 反馈量 | NPS 样本 | 充足 |\n|---|---|---|---|\n");
        r.coverage().forEach(c -> md.append("| ").append(t(c.channel())).append(" | ").append(c.volume()).append(" | ")
                .append(c.npsN()).append(" | ").append(c.npsN() == 0 ? "–" : c.sufficient() ? "是" : "数据不足").append(" |\n"));
        md.append("\n_最小样本量 n = ").append(r.minimumN()).append("；区间为 95% 调整 Wald 区间。_\n");
        return md.toString();
    }

    private static void table(StringBuilder md, String title, java.util.List<WeeklyReport.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        md.append(title).append("\n\n| 分组 | 反馈量 | NPS | 对比上周 | 净情感 |\n|---|---|---|---|---|\n");
        for (var row : rows) {
            md.append("| ").append(t(row.key())).append(" | ").append(row.volume()).append(" | ").append(row.nps().n() == 0 ? "–" : nps(row.nps()))
                    .append(" | ").append(row.nps().n() == 0 ? "–" : row.vsLastWeek().textZh()).append(" | ")
                    .append(net(row.net())).append(" |\n");
        }
        md.append('\n');
    }

    static String nps(NpsScore s) {
        if (s.n() == 0) {
            return "无数据";
        }
        if (!s.sufficient()) {
            return "数据不足（n=" + s.n() + "）";
        }
        return fmt(s.nps()) + " [" + fmt(s.low()) + ", " + fmt(s.high()) + "]（n=" + s.n() + "）";
    }

    static String net(NetSentiment s) {
        if (s.n() == 0) {
            return "无数据";
        }
        return String.format(Locale.ROOT, "%+.1f%%", 100 * s.value()) + (s.sufficient() ? "" : "（数据不足）");
    }

    /**
     * User text in Markdown: one line, and the characters chat tools render as markup (links, images, emphasis,
     * HTML, table cells) escaped, so a post cannot turn into a link or a fake section of the report.
     */
    static String t(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if ("\\`*_[]()<>#|!~".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
