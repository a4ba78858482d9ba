package io.koubei.dashboard.report;

import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.metrics.NpsScore;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The weekly report as Markdown, for chat tools and e-mail bodies: Chinese, or English with {@link Locale#ENGLISH}. */
public final class MarkdownReportRenderer {
    private final BiFunction<String, Locale, String> aspectName;
    private final UnaryOperator<String> sourceName;
    private UnaryOperator<String> productName = p -> p;

    /** Products by display name (settings), e.g. 星河 X1 for nova-x1. */
    public MarkdownReportRenderer withProductNames(UnaryOperator<String> names) {
        this.productName = names;
        return this;
    }

    public MarkdownReportRenderer() {
        this((a, l) -> a, s -> s);
    }

    /**
     * @param aspectName the taxonomy's name of an aspect id (Chinese)
     * @param sourceName a source's display name (channel settings)
     */
    public MarkdownReportRenderer(UnaryOperator<String> aspectName, UnaryOperator<String> sourceName) {
        this((a, l) -> aspectName.apply(a), sourceName);
    }

    /**
     * @param aspectName an aspect's display name in a language
     * @param sourceName a source's display name (channel settings)
     */
    public MarkdownReportRenderer(BiFunction<String, Locale, String> aspectName, UnaryOperator<String> sourceName) {
        this.aspectName = aspectName;
        this.sourceName = sourceName;
    }

    public String render(WeeklyReport r) {
        return render(r, Locale.SIMPLIFIED_CHINESE);
    }

    public String render(WeeklyReport r, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        Locale l = en ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        return new Writer(en, a -> aspectName.apply(a, l)).write(r);
    }

    private final class Writer {
        private final boolean en;
        private final Function<String, String> aspect;
        private final NoteWords.Names names;
        private final StringBuilder md = new StringBuilder();

        Writer(boolean en, Function<String, String> aspect) {
            this.en = en;
            this.aspect = aspect;
            this.names = new NoteWords.Names(aspect, sourceName);
        }

        /** The Chinese or the English wording. */
        private String w(String zh, String english) {
            return en ? english : zh;
        }

        private String aspectOf(String id) {
            return t(aspect.apply(id));
        }

        String write(WeeklyReport r) {
            md.append("# ").append(w("口碑周报 ", "Koubei weekly report ")).append(r.week())
                    .append(r.product() == null ? "" : " · " + t(productName.apply(r.product()))).append("\n\n");
            var silence = r.silence();
            ReportSummary summary = ReportSummary.of(r, en, aspect, sourceName);
            md.append(w("## 本周结论", "## This week in brief")).append("\n\n")
                    .append(t(String.join(w("", " "), summary.conclusions()))).append("\n\n")
                    .append(w("## 主要原因", "## Main reasons")).append("\n\n");
            summary.reasons().forEach(x -> md.append("- ").append(t(x)).append("\n"));
            md.append("\n").append(w("## 建议跟进", "## Follow up")).append("\n\n");
            summary.followUps().forEach(x -> md.append("- ").append(t(x)).append("\n"));
            md.append("\n_").append(w("口径：反馈量 = 本周收到的全部反馈（含疑似水军）；NPS 只计带 0–10 推荐评分的回答，少于 ",
                    "Definitions: items = all feedback received this week (suspected astroturf included); NPS counts only answers with a 0–10 score, insufficient below "))
                    .append(r.minimumN()).append(w(" 个时标为数据不足；大众用户 = 核心用户以外的全部反馈。", "; mass users = all items not from core users."))
                    .append("_\n\n");
            var h = r.headline();
            md.append("## NPS\n\n");
            md.append(w("- 本周 NPS：", "- NPS this week: ")).append(nps(h.current())).append("\n");
            md.append(w("- 对比上周：", "- vs last week: ")).append(change(h.vsLastWeek())).append(w("（上周 ", " (last week "))
                    .append(nps(h.lastWeek())).append(w("）", ")")).append("\n");
            md.append(w("- 对比前四周：", "- vs the 4 weeks before: ")).append(change(h.vsTrailing4()))
                    .append(w("（前四周合计 ", " (4 weeks before ")).append(nps(h.trailing4())).append(w("）", ")")).append("\n");
            md.append(w("- 净情感：", "- Net sentiment: ")).append(net(h.netSentiment())).append(w("，反馈量 ", ", items "))
                    .append(h.volume()).append("\n\n");

            table(w("## 分渠道", "## By channel"), r.byChannel(), c -> ReportText.channel(c, en));
            table(w("## 分产品", "## By product"), r.byProduct(), p -> ReportText.isNone(p) ? ReportText.none(p, en) : productName.apply(p));
            table(w("## 分用户群（核心 / 大众）", "## By user group (core / mass)"), r.bySegment(),
                    s -> "core".equals(s) ? w("核心用户", "core users") : "mass".equals(s) ? w("大众用户", "mass users") : ReportText.none(s, en));

            md.append(w("## NPS 驱动因素", "## NPS drivers")).append("\n\n");
            if (r.drivers().isEmpty()) {
                md.append(w("本周 NPS 受访者中没有可归因的意见点。", "No opinion points to attribute among this week's NPS respondents.")).append("\n\n");
            } else {
                md.append(w("| 方面 | 方向 | 贬损者提及 | 推荐者提及 | 去掉后 NPS |", "| Aspect | Direction | Detractors mentioning | Promoters mentioning | NPS without it |"))
                        .append("\n|---|---|---|---|---|\n");
                for (var d : r.drivers()) {
                    md.append("| ").append(aspectOf(d.aspect())).append(" | ")
                            .append(d.direction().equals("down") ? w("拉低", "pulls down") : w("拉高", "pulls up"))
                            .append(" | ").append(d.detractorMentions()).append("/").append(d.detractors())
                            .append(" | ").append(d.promoterMentions()).append("/").append(d.promoters())
                            .append(" | ").append(d.npsWithout() == null ? "–" : fmt(d.npsWithout())).append(" |\n");
                }
                md.append('\n');
            }
            md.append(w("## 核心用户意见点", "## Core users' top opinion points")).append("\n\n");
            if (r.coreOpinions().isEmpty()) {
                md.append(w("本周没有核心用户意见点。", "No core-user opinion points this week.")).append("\n\n");
            }
            for (var o : r.coreOpinions()) {
                md.append("- **").append(aspectOf(o.aspect())).append("**").append(w("（", " (")).append(polarity(o.polarity()))
                        .append(w("，", ", ")).append(o.count()).append(w(" 条）：", " items): "))
                        .append(o.example() == null ? "" : t(o.example())).append("\n");
            }
            var m = r.massImpression();
            md.append("\n").append(w("## 大众用户印象", "## Mass users' impression")).append("\n\n")
                    .append(w("- 反馈量 ", "- ")).append(m.volume()).append(w("，净情感 ", " items, net sentiment ")).append(net(m.net()))
                    .append(w("（上周 ", " (last week ")).append(net(m.netLastWeek())).append(w("），NPS ", "), NPS "))
                    .append(m.nps().n() == 0 ? "–" : nps(m.nps())).append("\n");
            if (!m.clusteredAspects().isEmpty()) {
                md.append(w("- 集中的产品点：", "- Clustered product points: "));
                m.clusteredAspects().forEach(a -> md.append(aspectOf(a.aspect())).append(" ").append(a.count())
                        .append(w("（负面 ", " (negative ")).append(a.negative()).append(w("）；", "); ")));
                md.append('\n');
            }
            md.append("\n").append(w("## 新主题", "## New themes")).append("\n\n");
            if (r.newThemes().isEmpty()) {
                md.append(w("本周没有新出现的主题。", "No new themes this week.")).append("\n");
            }
            for (var nt : r.newThemes()) {
                md.append("- **").append(t(nt.name())).append("**").append(w("（", " (")).append(NewThemeWords.status(nt, en))
                        .append(w("）：", "): ")).append(NewThemeWords.volume(nt, en));
                if (!nt.channels().isEmpty()) {
                    md.append(w("；渠道：", "; channels: ")).append(NewThemeWords.channels(nt, en));
                }
                if (nt.quote() != null) {
                    md.append(w("。", ". ")).append(w("“", "\"")).append(t(nt.quote())).append(w("”", "\""));
                }
                md.append(" [").append(w("查看条目", "see the items")).append("](").append(nt.link()).append(")\n");
            }
            md.append("\n").append(w("## 预警与信号", "## Alerts and signals")).append("\n\n");
            if (r.signals().isEmpty()) {
                md.append(silence.noData()
                        ? w("本周没有数据，检测无从发现新问题；沉默本身就是信号。", "No data this week, so the detectors could find nothing new; the silence itself is the signal.")
                        : w("本周没有新预警。", "No new alerts this week.")).append("\n");
            }
            r.signals().forEach(s -> md.append("- ").append(kind(s.kind())).append(t(NoteWords.title(s, en, names)))
                    .append(detail(s)).append("\n"));
            var older = r.openAlerts().stream().filter(a -> !a.newThisWeek()).toList();
            if (!older.isEmpty()) {
                md.append("\n").append(en ? r.openAlerts().size() + " alerts are still unresolved (including earlier weeks):"
                        : "仍未解决的预警 " + r.openAlerts().size() + " 条（含往周）：").append("\n\n");
                older.stream().limit(HtmlReportRenderer.OPEN_ALERTS_LISTED).forEach(a -> md.append("- ").append(kind(a.kind()))
                        .append(t(NoteWords.title(a, en, names))).append(w(" · 最近出现于 ", " · last seen ")).append(a.week()).append(" · ")
                        .append("acknowledged".equals(a.status()) ? w("已确认", "acknowledged") : w("待处理", "open")).append(" · ")
                        .append(a.owner() == null ? w("未认领", "unassigned") : w("负责人 ", "owner ") + t(a.owner())).append("\n"));
                if (older.size() > HtmlReportRenderer.OPEN_ALERTS_LISTED) {
                    int more = older.size() - HtmlReportRenderer.OPEN_ALERTS_LISTED;
                    md.append(en ? "- " + more + " more on the alerts page.\n" : "- 另有 " + more + " 条，见预警页。\n");
                }
            }
            md.append("\n").append(w("## 渠道背离", "## Cross-channel divergences")).append("\n\n");
            if (r.divergences().isEmpty()) {
                md.append(silence.noData() ? w("本周没有数据，无法判断各渠道是否背离。", "No data this week: whether channels diverge cannot be judged.")
                        : w("本周各渠道走势一致，未发现背离。", "The channels moved together this week: no divergence.")).append("\n");
            }
            r.divergences().forEach(d -> md.append("- ").append(t(NoteWords.title(d, en, names))).append(detail(d)).append("\n"));
            var i = r.integrity();
            md.append("\n").append(w("## 水军与声量集中度", "## Astroturf and concentration of voices")).append("\n\n");
            if (i.flagged() == 0) {
                md.append(en ? "None of this week's " + i.items() + " items is flagged as suspected astroturf."
                        : "本周 " + i.items() + " 条反馈中没有被标记为疑似水军的内容。").append("\n");
            } else {
                md.append(w("- 疑似水军 ", "- Suspected astroturf: ")).append(i.flagged()).append(" / ").append(i.items())
                        .append(w(" 条；NPS 含水军 ", " items; NPS with them ")).append(nps(i.rawNps())).append(w("，去除后 ", ", without "))
                        .append(nps(i.weightedNps())).append(w("；净情感含水军 ", "; net sentiment with them ")).append(net(i.rawNet()))
                        .append(w("，去除后 ", ", without ")).append(net(i.weightedNet())).append("\n");
            }
            for (var v : r.voices()) {
                md.append("- ").append(ReportText.channel(v.channel(), en)).append(w("：", ": ")).append(v.items())
                        .append(w(" 条用户发言（不含官方账号），", " user posts (official accounts excluded), ")).append(v.voices())
                        .append(w(" 个账号，CR10 ", " accounts, CR10 ")).append(String.format(Locale.ROOT, "%.0f%%", 100 * v.cr10()))
                        .append(w("，有效声音数 ", ", effective voices ")).append(fmt(v.effectiveVoices()))
                        .append(v.concentrated() ? w("（声量集中）", " (concentrated)") : v.enoughData() ? "" : w("（样本少）", " (too few to judge)"))
                        .append("\n");
            }
            md.append("\n").append(w("## 用户原声", "## Verbatims")).append("\n\n");
            r.verbatims().forEach(v -> md.append("> ").append(t(v.text())).append(" —— ").append(ReportText.channel(v.channel(), en))
                    .append(v.rating() == null ? "" : " · " + fmt(v.rating())).append("\n>\n"));
            md.append("\n").append(w("## 样本覆盖\n\n| 渠道 | 反馈量 | NPS 样本 | 充足 |", "## Coverage\n\n| Channel | Items | NPS answers | Sufficient |"))
                    .append("\n|---|---|---|---|\n");
            r.coverage().forEach(c -> md.append("| ").append(ReportText.channel(c.channel(), en)).append(" | ").append(c.volume()).append(" | ")
                    .append(c.npsN()).append(" | ").append(c.npsN() == 0 ? "–" : c.sufficient() ? w("是", "yes") : w("数据不足", "insufficient data"))
                    .append(" |\n"));
            md.append("\n_").append(w("最小样本量 n = ", "Minimum sample n = ")).append(r.minimumN())
                    .append(w("；区间为 95% 调整 Wald 区间。", "; intervals are 95% adjusted Wald.")).append("_\n");
            return md.toString();
        }

        /** ": detail" in the report's language, or nothing when the note has none in it. */
        private String detail(WeeklyReport.Note n) {
            String d = NoteWords.detail(n, en);
            return d == null ? "" : w("：", ": ") + t(d);
        }

        private String kind(String k) {
            return en ? "[" + t(HtmlReportRenderer.kindEn(k)) + "] " : "【" + t(k) + "】";
        }

        private String polarity(String p) {
            return switch (p) {
                case "positive" -> w("正面", "positive");
                case "negative" -> w("负面", "negative");
                default -> w("中性", "neutral");
            };
        }

        private String change(WeeklyReport.Change c) {
            return en ? c.textEn() : c.textZh();
        }

        private String nps(NpsScore s) {
            return ReportText.nps(s, en);
        }

        private String net(NetSentiment s) {
            return ReportText.net(s, en);
        }

        private void table(String title, java.util.List<WeeklyReport.Row> rows, Function<String, String> label) {
            if (rows.isEmpty()) {
                return;
            }
            md.append(title).append("\n\n").append(w("| 分组 | 反馈量 | NPS | 对比上周 | 净情感 |", "| Group | Items | NPS | vs last week | Net sentiment |"))
                    .append("\n|---|---|---|---|---|\n");
            for (var row : rows) {
                md.append("| ").append(t(label.apply(row.key()))).append(" | ").append(row.volume()).append(" | ")
                        .append(row.nps().n() == 0 ? "–" : nps(row.nps())).append(" | ")
                        .append(row.nps().n() == 0 ? "–" : change(row.vsLastWeek())).append(" | ").append(net(row.net())).append(" |\n");
            }
            md.append('\n');
        }
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
