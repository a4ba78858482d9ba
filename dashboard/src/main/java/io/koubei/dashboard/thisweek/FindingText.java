package io.koubei.dashboard.thisweek;

import io.koubei.analysis.metrics.Interval;
import io.koubei.dashboard.thisweek.ThisWeek.StaleSource;
import io.koubei.dashboard.web.Labels;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The overview's generated sentences, in Chinese or English (messages {@code thisweek.*}); ids appear only through
 * {@link Labels} display names.
 */
public class FindingText {
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final MessageSource messages;
    private final Labels labels;

    public FindingText(MessageSource messages, Labels labels) {
        this.messages = messages;
        this.labels = labels;
    }

    String sourceName(String source) {
        return labels.source(source);
    }

    String statement(Locale locale, String week, String dataUpTo, boolean noData, List<String> weeksWithout,
            List<StaleSource> stale) {
        StringBuilder b = new StringBuilder();
        if (dataUpTo == null) {
            b.append(msg(locale, "thisweek.noDataAtAll"));
        } else if (noData) {
            b.append(msg(locale, "thisweek.noDataWeek", week, day(locale, dataUpTo)));
        } else {
            b.append(msg(locale, "thisweek.dataUpTo", day(locale, dataUpTo), week));
        }
        List<String> after = weeksWithout.stream().filter(w -> !w.equals(week)).toList();
        if (dataUpTo != null && !after.isEmpty()) {
            b.append(msg(locale, "thisweek.weeksWithout", weeks(after)));
        }
        if (stale.stream().anyMatch(s -> !s.nearlySilent()) && dataUpTo != null && after.isEmpty()) {
            List<String> names = new ArrayList<>();
            stale.stream().filter(s -> !s.nearlySilent()).forEach(s -> names.add(s.name()));
            b.append(msg(locale, "thisweek.staleSources", String.join(sep(locale), names)));
        }
        return b.append(msg(locale, "thisweek.end")).toString();
    }

    String noDataSummary(Locale locale, String week, String dataUpTo) {
        return dataUpTo == null ? msg(locale, "thisweek.noDataSummaryNever", week)
                : msg(locale, "thisweek.noDataSummary", week, day(locale, dataUpTo));
    }

    String nothingSignificant(Locale locale, long volume) {
        return msg(locale, "thisweek.nothing", String.format(Locale.ROOT, "%,d", volume));
    }

    String silence(Locale locale, StaleSource s, long perWeekBefore) {
        return msg(locale, "thisweek.silence", s.name(), String.format(Locale.ROOT, "%,d", perWeekBefore),
                s.lastWeek() == null ? "–" : s.lastWeek());
    }

    String nearlySilent(Locale locale, StaleSource s) {
        long drop = s.weeklyBefore() == 0 ? 0 : Math.round(100.0 * (s.weeklyBefore() - s.thisWeek()) / s.weeklyBefore());
        return msg(locale, "thisweek.nearlySilent", s.name(), String.format(Locale.ROOT, "%,d", s.thisWeek()),
                String.format(Locale.ROOT, "%,d", s.weeklyBefore()), String.valueOf(drop));
    }

    String aspect(Locale locale, String aspect, double nowPct, double beforePct, double pp, long negativeNow) {
        return msg(locale, pp > 0 ? "thisweek.aspect.up" : "thisweek.aspect.down", labels.aspect(aspect, locale),
                pct(nowPct), pct(beforePct), signed(pp), String.format(Locale.ROOT, "%,d", negativeNow));
    }

    String divergence(Locale locale, String channel, double netNowPct, Interval d, Interval rest) {
        return msg(locale, "thisweek.divergence", channel(locale, channel), pct(netNowPct), signed(d.value()),
                signed(rest.value()), msg(locale, rest.excludesZero() ? "thisweek.significant" : "thisweek.notSignificant"));
    }

    String alert(Locale locale, OpenIssue i) {
        List<String> subject = new ArrayList<>();
        if (i.product() != null) {
            subject.add(labels.product(i.product()));
        }
        if (i.aspect() != null) {
            subject.add(labels.aspect(i.aspect(), locale));
        }
        i.channels().forEach(c -> subject.add(channel(locale, c)));
        String type = messages.getMessage("signal." + i.typeKey(), null, i.typeKey(), locale);
        String severity = messages.getMessage("thisweek.severity." + i.rank(), null, "", locale);
        return msg(locale, i.worsened() ? "thisweek.alert.again" : "thisweek.alert.new", type,
                subject.isEmpty() ? msg(locale, "thisweek.alert.all") : String.join(" · ", subject), severity);
    }

    private String channel(Locale locale, String c) {
        return messages.getMessage("channel." + c, null, c, locale);
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String sep(Locale locale) {
        return "en".equals(locale.getLanguage()) ? ", " : "、";
    }

    static String day(Locale locale, String isoDay) {
        LocalDate d = LocalDate.parse(isoDay);
        return "en".equals(locale.getLanguage()) ? EN_DAY.format(d) : ZH_DAY.format(d);
    }

    static String weeks(List<String> weeks) {
        String first = weeks.get(0);
        String last = weeks.get(weeks.size() - 1);
        return first.equals(last) ? first : first + "–" + last.substring(last.indexOf('W'));
    }

    static String pct(double v) {
        return signedIfNegative(v) + "%";
    }

    /** "+5.1" or "−5.1" (a real minus sign). */
    static String signed(double v) {
        String s = String.format(Locale.ROOT, "%.1f", Math.abs(v));
        return (v < 0 && !s.equals("0.0") ? "−" : "+") + s;
    }

    private static String signedIfNegative(double v) {
        String s = String.format(Locale.ROOT, "%.1f", Math.abs(v));
        return (v < 0 && !s.equals("0.0") ? "−" : "") + s;
    }
}
