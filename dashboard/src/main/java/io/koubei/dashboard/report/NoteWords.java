package io.koubei.dashboard.report;

import io.koubei.dashboard.report.WeeklyReport.FollowUp;
import io.koubei.dashboard.report.WeeklyReport.Note;
import io.koubei.dashboard.report.WeeklyReport.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A note's or an alert's title and detail in the report's language. The detectors write Chinese; in English the
 * producer's English is used, else a title made from what the alert is about ("Negative posts surged: Social ·
 * Heat · nova-x1"), never the Chinese sentence.
 */
final class NoteWords {
    private NoteWords() {
    }

    static String title(Note n, boolean en, Function<String, String> aspect) {
        if (!en) {
            return n.title();
        }
        return n.titleEn() != null ? n.titleEn() : n.subject() != null ? subject(n.subject(), aspect) : n.title();
    }

    /** The detail, or null when there is none in the report's language (the alerts page has the rest). */
    static String detail(Note n, boolean en) {
        if (!en) {
            return n.detail();
        }
        return n.detailEn() != null ? n.detailEn() : n.subject() != null ? null : n.detail();
    }

    static String title(FollowUp f, boolean en, Function<String, String> aspect) {
        return en && f.subject() != null ? subject(f.subject(), aspect) : f.title();
    }

    static String subject(Subject s, Function<String, String> aspect) {
        String what = switch (s.type() == null ? "" : s.type()) {
            case "SPIKE" -> "Negative posts surged";
            case "SILENCE" -> "Volume dropped";
            case "COCOON" -> "A few accounts carry the voice";
            case "DIVERGENCE" -> "Channels diverge";
            case "ASTROTURF" -> "Suspected astroturf";
            case "NPS_DROP" -> "NPS dropped";
            case "CSAT_DROP" -> "Satisfaction dropped";
            case "CORE_COMPLAINT" -> "Core users complain";
            case "EVENT_IMPACT" -> "Impact of a release or event";
            case "COMPETITOR_GAP" -> "Gap to a competitor";
            case "RESPONSE_SLA" -> "Replies over the time target";
            default -> "Alert";
        };
        List<String> parts = new ArrayList<>();
        if (s.channels() != null) {
            s.channels().forEach(c -> parts.add(ReportText.channel(c, true)));
        }
        if (s.about() != null && !s.about().isBlank()) {
            parts.add(s.about());
        }
        if (s.aspect() != null && !s.aspect().isBlank()) {
            parts.add(aspect.apply(s.aspect()));
        }
        if (s.product() != null && !s.product().isBlank()) {
            parts.add(s.product());
        }
        return parts.isEmpty() ? what : what + ": " + String.join(" · ", parts);
    }
}
