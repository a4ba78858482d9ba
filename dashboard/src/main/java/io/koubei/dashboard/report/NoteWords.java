package io.koubei.dashboard.report;

import io.koubei.dashboard.report.WeeklyReport.FollowUp;
import io.koubei.dashboard.report.WeeklyReport.Note;
import io.koubei.dashboard.report.WeeklyReport.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A note's or an alert's title and detail in the report's language. An alert is named from what it is about
 * ("负面声量突增：社交媒体 · 发热 · nova-x1" / "Negative posts surged: Social · Heat · nova-x1"), with display
 * names, rather than by the detector's title; in English the producer's English is used, never the Chinese.
 */
final class NoteWords {
    /** Display names: an aspect's in the report's language, a source's (an account id stays as it is). */
    record Names(Function<String, String> aspect, Function<String, String> source) {
    }

    private NoteWords() {
    }

    static String title(Note n, boolean en, Names names) {
        if (!en) {
            return n.subject() != null ? subject(n.subject(), false, names) : n.title();
        }
        return n.titleEn() != null ? n.titleEn() : n.subject() != null ? subject(n.subject(), true, names) : n.title();
    }

    /** The detail, or null when there is none in the report's language (the alerts page has the rest). */
    static String detail(Note n, boolean en) {
        if (!en) {
            return n.detail();
        }
        return n.detailEn() != null ? n.detailEn() : n.subject() != null ? null : n.detail();
    }

    static String title(FollowUp f, boolean en, Names names) {
        return f.subject() != null ? subject(f.subject(), en, names) : f.title();
    }

    /** "负面声量突增：社交媒体 · 发热 · nova-x1" / "Negative posts surged: Social · Heat · nova-x1". */
    static String subject(Subject s, boolean en, Names names) {
        String what = switch (s.type() == null ? "" : s.type()) {
            case "SPIKE" -> en ? "Negative posts surged" : "负面声量突增";
            case "SILENCE" -> en ? "Volume dropped" : "声量骤降";
            case "COCOON" -> en ? "A few accounts carry the voice" : "声量集中在少数账号";
            case "DIVERGENCE" -> en ? "Channels diverge" : "渠道背离";
            case "ASTROTURF" -> en ? "Suspected astroturf" : "疑似水军";
            case "NPS_DROP" -> en ? "NPS dropped" : "NPS 下降";
            case "CSAT_DROP" -> en ? "Satisfaction dropped" : "满意度下降";
            case "CORE_COMPLAINT" -> en ? "Core users complain" : "核心用户集中抱怨";
            case "EVENT_IMPACT" -> en ? "Impact of a release or event" : "发布或事件的影响";
            case "COMPETITOR_GAP" -> en ? "Gap to a competitor" : "与竞品的差距";
            case "RESPONSE_SLA" -> en ? "Replies over the time target" : "回复超时";
            case "EMERGING_THEME" -> en ? "A new problem emerged" : "新问题出现";
            default -> en ? "Alert" : "预警";
        };
        List<String> parts = new ArrayList<>();
        if (s.channels() != null) {
            s.channels().forEach(c -> parts.add(ReportText.channel(c, en)));
        }
        if (s.about() != null && !s.about().isBlank()) {
            parts.add(names.source().apply(s.about()));
        }
        if (s.aspect() != null && !s.aspect().isBlank()) {
            parts.add(names.aspect().apply(s.aspect()));
        }
        if (s.product() != null && !s.product().isBlank()) {
            parts.add(s.product());
        }
        return parts.isEmpty() ? what : what + (en ? ": " : "：") + String.join(" · ", parts);
    }
}
