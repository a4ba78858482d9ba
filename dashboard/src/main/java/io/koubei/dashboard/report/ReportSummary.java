package io.koubei.dashboard.report;

import io.koubei.analysis.metrics.NpsScore;
import io.koubei.dashboard.report.WeeklyReport.Change;
import io.koubei.dashboard.report.WeeklyReport.Driver;
import io.koubei.dashboard.report.WeeklyReport.FollowUp;
import io.koubei.dashboard.report.WeeklyReport.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The top of page 1, in the report's language: 本周结论 (3–5 sentences: NPS and its change with significance, the
 * biggest finding with its evidence, what got better, what the volume is made of), 主要原因 (one line per aspect
 * pulling NPS down) and 建议跟进 (unresolved alerts with their owners, quiet sources). Every sentence exists in
 * Chinese and English; numbers are the report's own, so the summary never disagrees with the sections below it.
 */
public record ReportSummary(List<String> conclusions, List<String> reasons, List<String> followUps) {
    static final int REASONS = 3;
    static final int FOLLOW_UPS = 5;

    /**
     * @param aspect an aspect's display name in the report's language
     * @param source a source's display name
     */
    public static ReportSummary of(WeeklyReport r, boolean en, Function<String, String> aspect, Function<String, String> source) {
        return new Writer(r, en, aspect, source).write();
    }

    private record Writer(WeeklyReport r, boolean en, Function<String, String> aspect, Function<String, String> source) {
        NoteWords.Names names() {
            return new NoteWords.Names(aspect, source);
        }

        ReportSummary write() {
            List<String> conclusions = new ArrayList<>();
            conclusions.add(npsSentence());
            quiet().ifPresent(conclusions::add);
            finding().ifPresent(conclusions::add);
            if (!r.silence().noData()) {
                conclusions.add(better());
                conclusions.add(volume());
            }
            return new ReportSummary(conclusions, reasons(), followUps());
        }

        private String npsSentence() {
            var h = r.headline();
            NpsScore s = h.current();
            if (r.silence().noData()) {
                String last = r.silence().lastWeekWithData();
                return en ? "No feedback at all arrived in " + r.week() + ". This does not mean word of mouth was calm: a feed may "
                        + "have stopped, check the data sources." + (last == null ? "" : " The latest week with data is " + last + ".")
                        : "本周（" + r.week() + "）没有收到任何反馈数据。这不代表口碑平稳：数据可能中断了，请检查数据接入。"
                        + (last == null ? "" : "最近一次有数据的是 " + last + "。");
            }
            if (s.n() == 0) {
                return en ? group(h.volume()) + " items arrived, but none carries an NPS score: no NPS this week."
                        : "本周收到 " + group(h.volume()) + " 条反馈，但都不带 NPS 评分，本周没有 NPS。";
            }
            if (!s.sufficient()) {
                return en ? "Too few NPS answers this week to conclude (n=" + s.n() + ", at least " + r.minimumN() + " needed); the raw value is "
                        + ReportText.fmt(s.nps()) + "."
                        : "本周 NPS 样本不足（n=" + s.n() + "，至少需要 " + r.minimumN() + "），不下结论；原始值为 " + ReportText.fmt(s.nps()) + "。";
            }
            String value = ReportText.fmt(s.nps());
            String interval = en ? "95% interval " + ReportText.fmt(s.low()) + " to " + ReportText.fmt(s.high()) + ", n=" + s.n()
                    : "95% 区间 " + ReportText.fmt(s.low()) + " 至 " + ReportText.fmt(s.high()) + "，n=" + s.n();
            return en ? "NPS this week is " + value + " (" + interval + "): " + change(h.vsLastWeek(), "last week") + ", "
                    + change(h.vsTrailing4(), "the 4 weeks before") + "."
                    : "本周 NPS 为 " + value + "（" + interval + "），" + change(h.vsLastWeek(), "上周") + "，"
                    + change(h.vsTrailing4(), "前四周") + "。";
        }

        /** Silence is a signal: the sources that had items in the four weeks before and none this week. */
        private Optional<String> quiet() {
            List<String> quiet = r.silence().quietSources();
            if (quiet.isEmpty()) {
                return Optional.empty();
            }
            String names = String.join(en ? ", " : "、", quiet.stream().map(source).toList());
            return Optional.of(en ? "Sources that went quiet this week (items in the four weeks before, none now): " + names + "."
                    : "本周沉默的来源（前四周有数据，本周为 0）：" + names + "。");
        }

        /** "比上周低 13 分（显著）" / "13 pts below last week (significant)". */
        private String change(Change c, String than) {
            if (!c.comparable() && c.difference().value() != c.difference().value()) { // NaN: the other side has no data
                return en ? "no data to compare with " + than : than + "无可比数据";
            }
            long pts = Math.round(Math.abs(c.difference().value()));
            String sig = !c.comparable() ? (en ? "too few answers to judge" : "样本不足")
                    : c.significant() ? (en ? "significant" : "显著") : (en ? "not significant" : "不显著");
            if (pts == 0) {
                return en ? "level with " + than + " (" + sig + ")" : "与" + than + "持平（" + sig + "）";
            }
            boolean up = c.difference().value() > 0;
            return en ? pts + " pts " + (up ? "above " : "below ") + than + " (" + sig + ")"
                    : "比" + than + (up ? "高 " : "低 ") + pts + " 分（" + sig + "）";
        }

        /** The biggest finding with its evidence: the week's most urgent alert, else what pulls NPS down most. */
        private Optional<String> finding() {
            if (!r.signals().isEmpty()) {
                var n = r.signals().get(0);
                String kind = en ? HtmlReportRenderer.kindEn(n.kind()) : n.kind();
                String detail = NoteWords.detail(n, en);
                return Optional.of(en ? "Most notable: [" + kind + "] " + NoteWords.title(n, true, names())
                        + (detail == null ? "." : ": " + detail)
                        : "最值得关注：【" + kind + "】" + NoteWords.title(n, false, names()) + (detail == null ? "。" : "——" + detail));
            }
            Optional<Driver> down = r.drivers().stream().filter(d -> d.direction().equals("down")).findFirst();
            if (down.isPresent()) {
                Driver d = down.get();
                String without = d.npsWithout() == null ? "" : en ? "; without those, NPS would be " + ReportText.fmt(d.npsWithout())
                        : "；不计这些负面，NPS 将是 " + ReportText.fmt(d.npsWithout());
                return Optional.of(en ? aspect.apply(d.aspect()) + " pulls NPS down most: " + d.detractorMentions() + " of "
                        + d.detractors() + " detractors (" + pct(d.detractorShare()) + ") mention it negatively, against "
                        + d.promoterMentions() + " of " + d.promoters() + " promoters (" + pct(d.promoterShare()) + ")" + without + "."
                        : "拉低 NPS 最多的是「" + aspect.apply(d.aspect()) + "」：贬损者 " + d.detractors() + " 人中 " + d.detractorMentions()
                        + " 人（" + pct(d.detractorShare()) + "）负面提到它，推荐者 " + d.promoters() + " 人中 " + d.promoterMentions()
                        + " 人（" + pct(d.promoterShare()) + "）" + without + "。");
            }
            return r.massImpression().clusteredAspects().stream().filter(a -> a.negative() > 0)
                    .max(Comparator.comparingLong(WeeklyReport.AspectCount::negative))
                    .map(a -> en ? "Mass users' most frequent complaint is " + aspect.apply(a.aspect()) + ": " + a.negative()
                            + " negative of " + a.count() + " items mentioning it."
                            : "大众用户负面最集中的是「" + aspect.apply(a.aspect()) + "」：提到它的 " + a.count() + " 条中 " + a.negative() + " 条负面。");
        }

        /** What got better: a group whose NPS rose significantly, else what promoters praise most. */
        private String better() {
            List<Row> rows = new ArrayList<>(r.byChannel());
            rows.addAll(r.byProduct());
            Optional<Row> rose = rows.stream().filter(row -> row.vsLastWeek().comparable() && row.vsLastWeek().significant()
                    && row.vsLastWeek().difference().value() > 0).max(Comparator.comparingDouble(row -> row.vsLastWeek().difference().value()));
            if (rose.isPresent()) {
                Row row = rose.get();
                String name = r.byChannel().contains(row) ? ReportText.channel(row.key(), en) : ReportText.none(row.key(), en);
                long pts = Math.round(row.vsLastWeek().difference().value());
                return en ? "Better: NPS of " + name + " rose " + pts + " pts on last week (significant), to " + ReportText.fmt(row.nps().nps()) + "."
                        : "改善：" + name + " 的 NPS 比上周高 " + pts + " 分（显著），为 " + ReportText.fmt(row.nps().nps()) + "。";
            }
            Optional<Driver> up = r.drivers().stream().filter(d -> d.direction().equals("up")).findFirst();
            if (up.isPresent()) {
                Driver d = up.get();
                return en ? "What works: " + aspect.apply(d.aspect()) + ", praised by " + d.promoterMentions() + " of " + d.promoters()
                        + " promoters (" + pct(d.promoterShare()) + ") against " + d.detractorMentions() + " of " + d.detractors()
                        + " detractors (" + pct(d.detractorShare()) + "); no group's NPS rose significantly."
                        : "做得好的是「" + aspect.apply(d.aspect()) + "」：推荐者 " + d.promoters() + " 人中 " + d.promoterMentions() + " 人（"
                        + pct(d.promoterShare()) + "）正面提到它，贬损者 " + d.detractors() + " 人中 " + d.detractorMentions() + " 人（"
                        + pct(d.detractorShare()) + "）；没有哪个渠道或产品的 NPS 显著上升。";
            }
            return en ? "Nothing improved significantly this week." : "本周没有显著改善的指标。";
        }

        /** The week's volume, how much of it carries NPS, and — once — which channels carry none. */
        private String volume() {
            var h = r.headline();
            List<String> without = r.coverage().stream().filter(c -> c.npsN() == 0)
                    .sorted(Comparator.comparingLong(WeeklyReport.Coverage::volume).reversed())
                    .map(c -> ReportText.channel(c.channel(), en)).toList();
            String head = en ? group(h.volume()) + " items arrived this week, " + group(h.current().n()) + " of them with an NPS score"
                    : "本周共 " + group(h.volume()) + " 条反馈，其中 " + group(h.current().n()) + " 条带 NPS 评分";
            if (without.isEmpty()) {
                return head + (en ? "." : "。");
            }
            return en ? head + "; " + String.join(", ", without) + " carry no NPS score (their rows show –)."
                    : head + "；" + String.join("、", without) + "的反馈不带 NPS 评分（表中记为 –）。";
        }

        private List<String> reasons() {
            List<String> out = new ArrayList<>();
            r.drivers().stream().filter(d -> d.direction().equals("down")).limit(REASONS).forEach(d -> out.add(en
                    ? aspect.apply(d.aspect()) + ": mentioned negatively by " + pct(d.detractorShare()) + " of detractors ("
                            + d.detractorMentions() + "/" + d.detractors() + ") and " + pct(d.promoterShare()) + " of promoters ("
                            + d.promoterMentions() + "/" + d.promoters() + ")."
                    : "「" + aspect.apply(d.aspect()) + "」：贬损者中 " + pct(d.detractorShare()) + "（" + d.detractorMentions() + "/"
                            + d.detractors() + "）负面提及，推荐者中 " + pct(d.promoterShare()) + "（" + d.promoterMentions() + "/"
                            + d.promoters() + "）。"));
            r.divergences().stream().limit(Math.max(0, REASONS - out.size()))
                    .forEach(d -> out.add(en ? NoteWords.title(d, true, names()) + "."
                            : (d.subject() == null ? "渠道背离：" : "") + NoteWords.title(d, false, names()) + "。"));
            if (out.isEmpty()) {
                r.coreOpinions().stream().filter(o -> o.polarity().equals("negative")).limit(2).forEach(o -> out.add(en
                        ? "Core users complain about " + aspect.apply(o.aspect()) + " (" + o.count() + " items)."
                        : "核心用户的负面意见集中在「" + aspect.apply(o.aspect()) + "」（" + o.count() + " 条）。"));
            }
            if (out.isEmpty()) {
                out.add(r.silence().noData() ? (en ? "No data this week: no reason can be named." : "本周没有数据，无法归因。")
                        : en ? "No aspect pulls NPS down among this week's respondents." : "本周 NPS 受访者中没有明显拉低 NPS 的方面。");
            }
            return out;
        }

        private List<String> followUps() {
            List<String> out = new ArrayList<>();
            if (r.silence().noData() || !r.silence().quietSources().isEmpty()) {
                String names = String.join(en ? ", " : "、", r.silence().quietSources().stream().map(source).toList());
                out.add(r.silence().quietSources().isEmpty()
                        ? (en ? "Check the data feeds: nothing arrived this week." : "检查数据接入：本周没有任何数据。")
                        : en ? "Check the data feeds: " + names + " sent nothing this week."
                        : "检查数据接入：" + names + " 本周没有数据。");
            }
            List<FollowUp> open = r.openAlerts().stream()
                    .sorted(Comparator.comparing(FollowUp::newThisWeek).reversed()).limit(FOLLOW_UPS).toList();
            for (FollowUp a : open) {
                String kind = en ? HtmlReportRenderer.kindEn(a.kind()) : a.kind();
                String owner = a.owner() == null ? (en ? "unassigned: name an owner" : "未认领，请指定负责人")
                        : (en ? "owner " : "负责人 ") + a.owner();
                out.add(en ? "[" + kind + "] " + NoteWords.title(a, true, names()) + " (" + severity(a.severity()) + ", " + (a.newThisWeek() ? "new this week" : "since " + a.week())
                        + ", " + owner + ")"
                        : "【" + kind + "】" + NoteWords.title(a, false, names()) + "（" + severity(a.severity()) + "，" + (a.newThisWeek() ? "本周新增" : a.week() + " 起") + "，" + owner + "）");
            }
            if (r.openAlerts().size() > open.size()) {
                out.add(en ? (r.openAlerts().size() - open.size()) + " more unresolved alerts on the alerts page."
                        : "另有 " + (r.openAlerts().size() - open.size()) + " 条未解决的预警，见预警页。");
            }
            if (r.openAlerts().isEmpty() && r.signals().isEmpty()) {
                out.add(en ? "No unresolved alerts." : "没有未解决的预警。");
            }
            return out;
        }

        private String severity(String s) {
            return switch (s) {
                case "critical" -> en ? "critical" : "严重";
                case "warning" -> en ? "warning" : "警告";
                default -> en ? "info" : "提示";
            };
        }

        private static String pct(double share) {
            return String.format(Locale.ROOT, "%.0f%%", 100 * share);
        }

        private static String group(long n) {
            return String.format(Locale.ROOT, "%,d", n);
        }
    }
}
