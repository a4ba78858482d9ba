package io.koubei.dashboard.speed;

import io.koubei.analysis.speed.SpeedSummary;
import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.report.WeeklyReport.Note;
import io.koubei.dashboard.report.WeeklyReportBuilder;
import java.util.ArrayList;
import java.util.List;

/** The weekly report's 响应速度 section: the week's speed figures as report notes. */
public class SpeedReportNotes implements WeeklyReportBuilder.ReportNotes {
    private final SpeedService speed;

    public SpeedReportNotes(SpeedService speed) {
        this.speed = speed;
    }

    @Override
    public List<Note> notesFor(String week, String product) {
        FilterParams p = FilterParams.empty().with("week", week).with("product", product);
        SpeedService.MetricsResponse m = speed.metricsFor(p);
        SpeedSummary s = m.overall().summary();
        List<Note> notes = new ArrayList<>();
        if (s.cases() == 0) {
            return notes;
        }
        notes.add(new Note("响应速度", String.format("首次响应 p50 %s / p90 %s 分钟，时限内回复率 %s",
                num(s.firstResponseP50Minutes()), num(s.firstResponseP90Minutes()), pct(s.slaShare())),
                String.format("需回应 %d 条，已回复 %d 条，超时 %d 条，未回复 %d 条；24 小时结案率 %s；解决时长 p50 %s 分钟。",
                        s.cases(), s.answered(), s.breachedIds().size(), s.unansweredIds().size(), pct(s.closeRate()),
                        num(s.resolutionP50Minutes())), null,
                String.format("First response p50 %s / p90 %s min, answered in time %s",
                        num(s.firstResponseP50Minutes()), num(s.firstResponseP90Minutes()), pct(s.slaShare())),
                String.format("%d to answer, %d answered, %d over time, %d unanswered; closed within 24 h %s; resolution p50 %s min.",
                        s.cases(), s.answered(), s.breachedIds().size(), s.unansweredIds().size(), pct(s.closeRate()),
                        num(s.resolutionP50Minutes()))));
        if (!s.anomalyIds().isEmpty()) {
            boolean below = s.anomalyOnTimeRate() != null && s.anomalyOnTimeRate() < 0.8;
            notes.add(new Note("响应速度", "异常 1 小时回复并解决率 " + pct(s.anomalyOnTimeRate()) + (below ? "（低于 80% 目标）" : ""),
                    String.format("异常 %d 起，按时 %d 起。", s.anomalyIds().size(), s.anomalyOnTimeIds().size()), null,
                    "Anomalies answered and resolved within 1 h: " + pct(s.anomalyOnTimeRate()) + (below ? " (below the 80% target)" : ""),
                    String.format("%d anomalies, %d on time.", s.anomalyIds().size(), s.anomalyOnTimeIds().size())));
        }
        return notes;
    }

    private static String num(Double v) {
        return v == null ? "—" : String.format("%.0f", v);
    }

    private static String pct(Double v) {
        return v == null ? "—" : String.format("%.1f%%", 100 * v);
    }
}
