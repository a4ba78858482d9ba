package io.koubei.dashboard.alerting;

import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every sentence an incident is told in, in Chinese and English: its title from display names (never raw keys), one
 * plain sentence of evidence per type, human labels for the detector's figures, and the notification text. The
 * detector's own title and description (Chinese, with internals) are not shown to people any more.
 */
public final class IncidentText {
    private IncidentText() {
    }

    static boolean en(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    public static String typeName(SignalType t, Locale locale) {
        boolean en = en(locale);
        return switch (t) {
            case DIVERGENCE -> en ? "Channel divergence" : "渠道背离";
            case SPIKE -> en ? "Surge" : "突增";
            case SILENCE -> en ? "Silence" : "沉默";
            case ASTROTURF -> en ? "Astroturf" : "水军";
            case COCOON -> en ? "Information cocoon" : "信息茧房";
            case NPS_DROP -> en ? "NPS drop" : "NPS 下降";
            case CSAT_DROP -> en ? "CSAT drop" : "满意度下降";
            case CORE_COMPLAINT -> en ? "Core users converge" : "核心用户集中吐槽";
            case EVENT_IMPACT -> en ? "Event impact" : "事件影响";
            case COMPETITOR_GAP -> en ? "Competitor gap" : "竞品差距";
            case RESPONSE_SLA -> en ? "Response time" : "响应时限";
            case SOURCE_DOWN -> en ? "Source down" : "数据源中断";
            case EMERGING_THEME -> en ? "Emerging problem" : "新问题";
        };
    }

    public static String severityName(Severity s, Locale locale) {
        boolean en = en(locale);
        return switch (s) {
            case CRITICAL -> en ? "Critical" : "严重";
            case WARNING -> en ? "Warning" : "警告";
            case INFO -> en ? "Info" : "提示";
        };
    }

    public static String statusName(Alert.Status s, Locale locale) {
        boolean en = en(locale);
        return switch (s) {
            case OPEN -> en ? "Open" : "未处理";
            case ACKNOWLEDGED -> en ? "Acknowledged" : "已确认";
            case RESOLVED -> en ? "Resolved" : "已解决";
        };
    }

    public static String trendName(String trend, Locale locale) {
        boolean en = en(locale);
        return switch (trend) {
            case "new" -> en ? "new this week" : "本周新出现";
            case "worsening" -> en ? "worsening" : "在恶化";
            case "improving" -> en ? "easing" : "在缓和";
            case "ended" -> en ? "not seen in the latest week" : "最近一周未再出现";
            default -> en ? "persisting" : "持续中";
        };
    }

    public static String actionName(String action, Locale locale) {
        boolean en = en(locale);
        return switch (action) {
            case "opened" -> en ? "opened" : "开启";
            case "acknowledged" -> en ? "acknowledged" : "确认";
            case "resolved" -> en ? "resolved" : "解决";
            case "reopened" -> en ? "reopened" : "重新打开";
            case "assigned" -> en ? "assigned" : "指派";
            case "escalated" -> en ? "escalated" : "升级";
            default -> action;
        };
    }

    /** The account or source an incident is about (the subject before any "/measure"), or null. */
    static String about(String subject) {
        if (subject == null || subject.isBlank() || subject.equals("-")) {
            return null;
        }
        String first = subject.indexOf('/') > 0 ? subject.substring(0, subject.indexOf('/')) : subject;
        boolean measure = first.equals("volume") || first.contains("negative")
                || Arrays.stream(Polarity.values()).anyMatch(p -> p.wireName().equals(first));
        return measure ? null : first;
    }

    /** What a series counts: "negative", "volume", "core_negative" (the subject's "/measure" part), or null. */
    static String measure(String subject) {
        if (subject == null) {
            return null;
        }
        String last = subject.substring(subject.lastIndexOf('/') + 1);
        return last.equals("volume") || last.contains("negative") ? last : null;
    }

    /** "突增 · 社交媒体 · 热度 · 星河 X1": the type, then what it is about, by display names. */
    public static String title(Incident i, Locale locale, IncidentNames names) {
        List<String> parts = new ArrayList<>();
        parts.add(typeName(i.type(), locale));
        String subjectLine = subjectLine(i, locale, names);
        if (!subjectLine.isEmpty()) {
            parts.add(subjectLine);
        }
        return String.join(" · ", parts);
    }

    /** Channels, aspect, product and account, by display names, joined by " · ". */
    static String subjectLine(Incident i, Locale locale, IncidentNames names) {
        List<String> parts = new ArrayList<>();
        if (!i.channels().isEmpty()) {
            parts.add(String.join(i.type() == SignalType.DIVERGENCE ? (en(locale) ? " vs " : " 对比 ") : " / ",
                    i.channels().stream().map(c -> names.channel(c, locale)).toList()));
        }
        if (i.aspect() != null) {
            parts.add(names.aspect(i.aspect(), locale));
        }
        if (i.product() != null) {
            parts.add(names.product(i.product(), locale));
        }
        String about = about(i.subject());
        if (about != null) {
            switch (i.type()) {
                case COMPETITOR_GAP -> parts.add((en(locale) ? "vs " : "对比 ") + names.product(about, locale));
                case COCOON, SPIKE, SILENCE, SOURCE_DOWN, DIVERGENCE, CORE_COMPLAINT, EMERGING_THEME -> parts.add(names.subject(about, locale));
                // an item id (response time), a metric name (NPS, CSAT), an event or a cluster id: not a name to show
                default -> { }
            }
        }
        return String.join(" · ", parts);
    }

    /** One plain sentence of what the latest occurrence shows, in the viewer's language. */
    public static String sentence(Incident i, Locale locale, IncidentNames names) {
        return sentence(i, i.latest(), locale, names);
    }

    static String sentence(Incident i, Incident.Occurrence o, Locale locale, IncidentNames names) {
        boolean en = en(locale);
        Map<String, Double> f = o.figures() == null ? Map.of() : o.figures();
        String aspect = i.aspect() == null ? null : names.aspect(i.aspect(), locale);
        String where = subjectLine(i, locale, names);
        String measure = measure(i.subject());
        String told = switch (i.type()) {
            case SPIKE -> has(f, "observed", "baselineMedian") ? (en
                    ? String.format(Locale.ROOT, "%s %s in %s, against a usual %s%s.", num(f.get("observed")),
                            measureEn(measure), o.period(), num(f.get("baselineMedian")), ratio(f, true))
                    : String.format(Locale.ROOT, "%s 周%s %s 条，通常约 %s 条%s。", o.period(), measureZh(measure),
                            num(f.get("observed")), num(f.get("baselineMedian")), ratio(f, false))) : null;
            case SILENCE -> has(f, "observedMean", "baselineMedian") ? (en
                    ? String.format(Locale.ROOT, "Only %s %s a period lately, against a usual %s: it went quiet.",
                            num(f.get("observedMean")), measureEn(measure), num(f.get("baselineMedian")))
                    : String.format(Locale.ROOT, "近期每期只有 %s 条%s，通常约 %s 条：声音消失了。",
                            num(f.get("observedMean")), measure == null || "volume".equals(measure) ? "" : measureZh(measure),
                            num(f.get("baselineMedian")))) : null;
            case COCOON -> has(f, "cr10", "items") ? (en
                    ? String.format(Locale.ROOT, "The 10 most active accounts wrote %s of %s posts in %s; the picture rests on a few voices.",
                            pct(f.get("cr10")), num(f.get("items")), o.period())
                    : String.format(Locale.ROOT, "%s 周 %s 条中 %s 来自最活跃的 10 个账号，口碑只代表少数人。",
                            o.period(), num(f.get("items")), pct(f.get("cr10")))) : null;
            case ASTROTURF -> has(f, "items", "accounts") ? (en
                    ? String.format(Locale.ROOT, "%s near-identical posts from %s accounts%s, likely coordinated.",
                            num(f.get("items")), num(f.get("accounts")),
                            f.get("spanMinutes") == null ? "" : " within " + num(f.get("spanMinutes")) + " minutes")
                    : String.format(Locale.ROOT, "%s 个账号%s发了 %s 条相似内容，疑似有组织。", num(f.get("accounts")),
                            f.get("spanMinutes") == null ? "" : "在 " + num(f.get("spanMinutes")) + " 分钟内",
                            num(f.get("items")))) : null;
            case NPS_DROP -> has(f, "nps") ? (en
                    ? String.format(Locale.ROOT, "NPS was %s in %s%s.", num(f.get("nps")), o.period(),
                            change(f, "changeVsPreviousWeek", " (%s points vs the previous week)", true))
                    : String.format(Locale.ROOT, "%s 周 NPS 为 %s%s。", o.period(), num(f.get("nps")),
                            change(f, "changeVsPreviousWeek", "（比上周 %s 分）", true))) : null;
            case CSAT_DROP -> has(f, "value") ? (en
                    ? String.format(Locale.ROOT, "%s of answers were satisfied (4–5) in %s%s.", pct(f.get("value")), o.period(),
                            pointChange(f, "changeVsPreviousWeek", " (%s points vs the previous week)"))
                    : String.format(Locale.ROOT, "%s 周满意（4–5 分）占 %s%s。", o.period(), pct(f.get("value")),
                            pointChange(f, "changeVsPreviousWeek", "（比上周 %s 个百分点）"))) : null;
            case CORE_COMPLAINT -> has(f, "coreAuthors", "mentions") ? (en
                    ? String.format(Locale.ROOT, "%s core users complained about %s in %s posts in %s.",
                            num(f.get("coreAuthors")), aspect == null ? "the same point" : aspect, num(f.get("mentions")), o.period())
                    : String.format(Locale.ROOT, "%s 周 %s 位核心用户集中批评%s，共 %s 条。", o.period(),
                            num(f.get("coreAuthors")), aspect == null ? "同一问题" : aspect, num(f.get("mentions")))) : null;
            case DIVERGENCE -> i.channels().size() >= 2 ? (en
                    ? String.format(Locale.ROOT, "%s looks better while %s gets worse%s in %s.",
                            names.channel(i.channels().get(0), locale), names.channel(i.channels().get(1), locale),
                            aspect == null ? "" : " on " + aspect.toLowerCase(Locale.ROOT), o.period())
                    : String.format(Locale.ROOT, "%s 周%s口碑向好，而%s%s在变差。", o.period(),
                            names.channel(i.channels().get(0), locale), names.channel(i.channels().get(1), locale),
                            aspect == null ? "" : "的" + aspect)) : null;
            case EVENT_IMPACT -> has(f, "netSentimentBefore", "netSentimentAfter") ? (en
                    ? String.format(Locale.ROOT, "Net sentiment went from %s before the event to %s after it.",
                            pct(f.get("netSentimentBefore")), pct(f.get("netSentimentAfter")))
                    : String.format(Locale.ROOT, "事件前净情感 %s，事件后 %s。", pct(f.get("netSentimentBefore")),
                            pct(f.get("netSentimentAfter")))) : null;
            case COMPETITOR_GAP -> has(f, "oursNetSentiment", "competitorNetSentiment") ? (en
                    ? String.format(Locale.ROOT, "Our net sentiment%s is %s against the competitor's %s.",
                            aspect == null ? "" : " on " + aspect, pct(f.get("oursNetSentiment")), pct(f.get("competitorNetSentiment")))
                    : String.format(Locale.ROOT, "我们%s的净情感 %s，竞品 %s。", aspect == null ? "" : "在" + aspect + "上",
                            pct(f.get("oursNetSentiment")), pct(f.get("competitorNetSentiment")))) : null;
            case RESPONSE_SLA -> f.get("unanswered") != null ? (en
                    ? String.format(Locale.ROOT, "%s posts are waiting for a first answer.", num(f.get("unanswered")))
                    : String.format(Locale.ROOT, "%s 条内容在等待首次回复。", num(f.get("unanswered"))))
                    : has(f, "elapsedMinutes", "slaMinutes") ? (en
                    ? String.format(Locale.ROOT, "Waiting %s minutes for a first answer; the target is %s minutes.",
                            num(f.get("elapsedMinutes")), num(f.get("slaMinutes")))
                    : String.format(Locale.ROOT, "已等待 %s 分钟未首次回复，时限 %s 分钟。", num(f.get("elapsedMinutes")),
                            num(f.get("slaMinutes")))) : null;
            case SOURCE_DOWN -> f.get("consecutiveFailures") != null ? (en
                    ? String.format(Locale.ROOT, "The source failed %s runs in a row: its channel is silent because it is not read.",
                            num(f.get("consecutiveFailures")))
                    : String.format(Locale.ROOT, "数据源连续 %s 次读取失败：该渠道没有声音是因为没读到，不是用户沉默。",
                            num(f.get("consecutiveFailures")))) : null;
            case EMERGING_THEME -> has(f, "observed", "baselineMedian") && about(i.subject()) != null ? (en
                    ? String.format(Locale.ROOT, "%s posts criticised \"%s\" in %s, against a usual %s%s.",
                            num(f.get("observed")), about(i.subject()), o.period(), num(f.get("baselineMedian")),
                            aspect == null ? ": a problem no aspect of the taxonomy names" : " (" + aspect + ")")
                    : String.format(Locale.ROOT, "%s 周有 %s 条负面意见提到「%s」，通常约 %s 条%s。", o.period(),
                            num(f.get("observed")), about(i.subject()), num(f.get("baselineMedian")),
                            aspect == null ? "：分类里没有的新问题" : "（" + aspect + "）")) : null;
        };
        if (told != null) {
            return told;
        }
        // a type or an evidence this class does not know: still a sentence, in the viewer's language
        return en ? String.format(Locale.ROOT, "%s%s in %s.", typeName(i.type(), locale), where.isEmpty() ? "" : " on " + where, o.period())
                : String.format(Locale.ROOT, "%s 周出现%s%s。", o.period(), where.isEmpty() ? "" : where + "的", typeName(i.type(), locale));
    }

    /** How long and how it moves: "seen in 4 weeks (2026-W44–W47), worsening". */
    public static String span(Incident i, String trend, Locale locale) {
        boolean en = en(locale);
        String range = i.firstPeriod().equals(i.latestPeriod()) ? i.firstPeriod() : i.firstPeriod() + " – " + i.latestPeriod();
        return en ? String.format(Locale.ROOT, "Seen in %d week%s (%s), %s.", i.weeksActive(), i.weeksActive() == 1 ? "" : "s",
                range, trendName(trend, locale))
                : String.format(Locale.ROOT, "共 %d 周出现（%s），%s。", i.weeksActive(), range, trendName(trend, locale));
    }

    /** A human label for a detector's figure; the figure's own name when it has none. */
    public static String figureLabel(String key, Locale locale) {
        boolean en = en(locale);
        String[] zhEn = FIGURES.get(key);
        return zhEn == null ? key : en ? zhEn[1] : zhEn[0];
    }

    /** A figure's value as people read it: shares and net sentiment in %, p-values with 3 decimals. */
    public static String figureValue(String key, Double v) {
        if (v == null) {
            return "–";
        }
        if (PERCENT.contains(key)) {
            return pct(v);
        }
        if (key.toLowerCase(Locale.ROOT).contains("pvalue")) {
            return v < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", v);
        }
        return num(v);
    }

    /** The notification: title, sentence, how long, the figures with labels, the link (Chinese or English). */
    static String notification(Incident i, Locale locale, IncidentNames names, String trend, String baseUrl) {
        boolean en = en(locale);
        StringBuilder sb = new StringBuilder();
        String why = i.notice() == null ? "" : switch (i.notice()) {
            case OPENED -> en ? "new" : "新";
            case ESCALATED -> en ? "escalated" : "升级";
            case REOPENED -> en ? "reopened" : "重新打开";
        };
        sb.append(en ? "[Koubei incident · " + severityName(i.severity(), locale) + (why.isEmpty() ? "" : " · " + why) + "] "
                : "【口碑事件·" + severityName(i.severity(), locale) + (why.isEmpty() ? "" : "·" + why) + "】")
                .append(title(i, locale, names)).append('\n');
        sb.append(sentence(i, locale, names)).append('\n');
        sb.append(span(i, trend, locale)).append('\n');
        for (Map.Entry<String, Double> f : i.latest().figures().entrySet()) {
            sb.append("· ").append(figureLabel(f.getKey(), locale)).append(" = ").append(figureValue(f.getKey(), f.getValue())).append('\n');
        }
        sb.append(en ? "View: " : "查看：").append(baseUrl).append("/alerts?incident=").append(i.id());
        return sb.toString();
    }

    private static boolean has(Map<String, Double> f, String... keys) {
        for (String k : keys) {
            if (f.get(k) == null) {
                return false;
            }
        }
        return true;
    }

    private static String ratio(Map<String, Double> f, boolean en) {
        Double r = f.get("ratioToMedian");
        if (r == null) {
            return "";
        }
        return en ? " (" + String.format(Locale.ROOT, "%.1f", r) + "×)" : "（约 " + String.format(Locale.ROOT, "%.1f", r) + " 倍）";
    }

    private static String change(Map<String, Double> f, String key, String format, boolean points) {
        Double v = f.get(key);
        return v == null ? "" : String.format(Locale.ROOT, format, signed(v));
    }

    /** A change of a share (0..1) in percentage points. */
    private static String pointChange(Map<String, Double> f, String key, String format) {
        Double v = f.get(key);
        return v == null ? "" : String.format(Locale.ROOT, format, signed(Math.round(v * 1000) / 10.0));
    }

    private static String signed(double v) {
        String n = num(Math.abs(v));
        return (v < 0 ? "−" : v > 0 ? "+" : "") + n;
    }

    private static String measureEn(String measure) {
        if (measure == null) {
            return "posts";
        }
        return switch (measure) {
            case "volume" -> "posts";
            case "negative" -> "negative posts";
            default -> measure.contains("core") ? "critical posts by core users" : "negative posts";
        };
    }

    private static String measureZh(String measure) {
        if (measure == null) {
            return "声量";
        }
        return switch (measure) {
            case "volume" -> "声量";
            case "negative" -> "负面声量";
            default -> measure.contains("core") ? "核心用户批评" : "负面声量";
        };
    }

    static String num(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        String s = v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.1f", v);
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    static String pct(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%.0f%%", 100 * v);
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    private static final java.util.Set<String> PERCENT = java.util.Set.of("value", "low", "high", "cr10", "cr10Alert", "hhi",
            "top20OverlapWithPreviousWeek", "top10InPreviousTop20", "newAccountShare", "lowFollowerShare", "oneSidedShare",
            "suspiciousAccountShare", "oursNetSentiment", "competitorNetSentiment", "netSentimentBefore", "netSentimentAfter",
            "netSentimentChange", "netSentimentChangeLow", "netSentimentChangeHigh", "upBaselineNetSentiment",
            "upRecentNetSentiment", "oursShareOfVoice", "competitorShareOfVoice", "silenceRatio", "gap", "gapLow", "gapHigh",
            "previousGap", "gapChange", "upChange", "upChangeLow", "upChangeHigh", "otherChange", "otherChangeLow",
            "otherChangeHigh");

    private static final Map<String, String[]> FIGURES = Map.ofEntries(
            Map.entry("observed", new String[] {"本期条数", "count this period"}),
            Map.entry("observedMean", new String[] {"近期每期均值", "recent mean per period"}),
            Map.entry("baselineMedian", new String[] {"基线（中位数）", "baseline (median)"}),
            Map.entry("baselineMad", new String[] {"基线波动（MAD）", "baseline spread (MAD)"}),
            Map.entry("upperBound", new String[] {"正常上限", "upper limit of normal"}),
            Map.entry("lowerBound", new String[] {"正常下限", "lower limit of normal"}),
            Map.entry("poissonPValue", new String[] {"偶然出现的概率（p 值）", "chance of this by luck (p-value)"}),
            Map.entry("ratioToMedian", new String[] {"相对基线倍数", "times the baseline"}),
            Map.entry("minCount", new String[] {"触发所需最少条数", "minimum count to alert"}),
            Map.entry("historyPeriods", new String[] {"基线期数", "periods in the baseline"}),
            Map.entry("silenceRatio", new String[] {"沉默阈值（占基线）", "silence threshold (share of baseline)"}),
            Map.entry("items", new String[] {"条数", "posts"}),
            Map.entry("voices", new String[] {"账号数", "accounts"}),
            Map.entry("accounts", new String[] {"账号数", "accounts"}),
            Map.entry("cr10", new String[] {"前 10 个账号占比", "share of the 10 most active accounts"}),
            Map.entry("hhi", new String[] {"集中度（HHI）", "concentration (HHI)"}),
            Map.entry("effectiveVoices", new String[] {"有效声音数", "effective voices"}),
            Map.entry("top20OverlapWithPreviousWeek", new String[] {"前 20 账号与上周重合", "top 20 accounts also top last week"}),
            Map.entry("top10InPreviousTop20", new String[] {"前 10 账号上周也在前 20", "top 10 accounts in last week's top 20"}),
            Map.entry("cr10Alert", new String[] {"前 10 占比预警线", "alert threshold for the top 10 share"}),
            Map.entry("maxEffectiveVoices", new String[] {"有效声音预警线", "alert threshold for effective voices"}),
            Map.entry("maxInBurstWindow", new String[] {"爆发窗口内最多条数", "most posts in one burst window"}),
            Map.entry("spanMinutes", new String[] {"持续分钟", "minutes from first to last"}),
            Map.entry("newAccountShare", new String[] {"新账号占比", "share of new accounts"}),
            Map.entry("lowFollowerShare", new String[] {"低粉丝账号占比", "share of low-follower accounts"}),
            Map.entry("medianAccountAgeDays", new String[] {"账号年龄中位数（天）", "median account age (days)"}),
            Map.entry("medianFollowers", new String[] {"粉丝数中位数", "median followers"}),
            Map.entry("oneSidedShare", new String[] {"一边倒占比", "one-sided share"}),
            Map.entry("burstMinPosts", new String[] {"爆发最少条数", "minimum posts in a burst"}),
            Map.entry("nps", new String[] {"NPS", "NPS"}),
            Map.entry("npsLow", new String[] {"NPS 区间下限", "NPS interval low"}),
            Map.entry("npsHigh", new String[] {"NPS 区间上限", "NPS interval high"}),
            Map.entry("n", new String[] {"样本量", "answers"}),
            Map.entry("promoters", new String[] {"推荐者", "promoters"}),
            Map.entry("detractors", new String[] {"贬损者", "detractors"}),
            Map.entry("trailingNps", new String[] {"前几周 NPS", "NPS of the trailing weeks"}),
            Map.entry("changeVsPreviousWeek", new String[] {"比上周", "change vs previous week"}),
            Map.entry("changeVsTrailing", new String[] {"比前几周", "change vs trailing weeks"}),
            Map.entry("value", new String[] {"满意占比", "share satisfied"}),
            Map.entry("low", new String[] {"区间下限", "interval low"}),
            Map.entry("high", new String[] {"区间上限", "interval high"}),
            Map.entry("mean", new String[] {"均值", "mean"}),
            Map.entry("mentions", new String[] {"提及条数", "mentions"}),
            Map.entry("coreAuthors", new String[] {"核心用户数", "core users"}),
            Map.entry("minMentions", new String[] {"触发所需最少提及", "minimum mentions to alert"}),
            Map.entry("minAuthors", new String[] {"触发所需最少用户", "minimum users to alert"}),
            Map.entry("volumeBefore", new String[] {"事件前声量", "volume before"}),
            Map.entry("volumeAfter", new String[] {"事件后声量", "volume after"}),
            Map.entry("netSentimentBefore", new String[] {"事件前净情感", "net sentiment before"}),
            Map.entry("netSentimentAfter", new String[] {"事件后净情感", "net sentiment after"}),
            Map.entry("netSentimentChange", new String[] {"净情感变化", "net sentiment change"}),
            Map.entry("npsChange", new String[] {"NPS 变化", "NPS change"}),
            Map.entry("oursNetSentiment", new String[] {"我方净情感", "our net sentiment"}),
            Map.entry("competitorNetSentiment", new String[] {"竞品净情感", "competitor's net sentiment"}),
            Map.entry("oursMentions", new String[] {"我方提及", "our mentions"}),
            Map.entry("competitorMentions", new String[] {"竞品提及", "competitor's mentions"}),
            Map.entry("gap", new String[] {"差距", "gap"}),
            Map.entry("previousGap", new String[] {"上期差距", "previous gap"}),
            Map.entry("gapChange", new String[] {"差距变化", "gap change"}),
            Map.entry("oursShareOfVoice", new String[] {"我方声量份额", "our share of voice"}),
            Map.entry("competitorShareOfVoice", new String[] {"竞品声量份额", "competitor's share of voice"}),
            Map.entry("upBaselineNetSentiment", new String[] {"向好渠道此前净情感", "improving channel's earlier net sentiment"}),
            Map.entry("upRecentNetSentiment", new String[] {"向好渠道近期净情感", "improving channel's recent net sentiment"}),
            Map.entry("upChange", new String[] {"向好渠道变化", "improving channel's change"}),
            Map.entry("otherChange", new String[] {"另一渠道变化", "other channel's change"}),
            Map.entry("negativeRecent", new String[] {"近期负面条数", "recent negative posts"}),
            Map.entry("negativeExpected", new String[] {"预期负面条数", "expected negative posts"}),
            Map.entry("negativeRatio", new String[] {"负面相对预期倍数", "negative posts vs expected"}),
            Map.entry("negativePValue", new String[] {"负面偶然出现的概率（p 值）", "chance of the negatives by luck (p-value)"}),
            Map.entry("aspectRecentNegative", new String[] {"该方面近期负面", "recent negatives on the aspect"}),
            Map.entry("aspectExpected", new String[] {"该方面预期负面", "expected negatives on the aspect"}),
            Map.entry("aspectRatio", new String[] {"该方面相对预期倍数", "aspect negatives vs expected"}),
            Map.entry("aspectPValue", new String[] {"该方面偶然出现的概率（p 值）", "chance on the aspect by luck (p-value)"}),
            Map.entry("unanswered", new String[] {"待回复条数", "posts waiting"}),
            Map.entry("elapsedMinutes", new String[] {"已等待分钟", "minutes waiting"}),
            Map.entry("slaMinutes", new String[] {"时限（分钟）", "target (minutes)"}),
            Map.entry("minutesLeft", new String[] {"剩余分钟", "minutes left"}),
            Map.entry("reach", new String[] {"影响人数", "reach"}),
            Map.entry("consecutiveFailures", new String[] {"连续失败次数", "failures in a row"}));
}
