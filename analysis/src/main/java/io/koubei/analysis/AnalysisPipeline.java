package io.koubei.analysis;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.time.CalendarKeys;

/** Turns a raw item into what stores keep: its analysis plus its week and day in the team's zone. */
public final class AnalysisPipeline {
    private final FeedbackAnalyzer analyzer;
    private final CalendarKeys calendar;

    public AnalysisPipeline(FeedbackAnalyzer analyzer, CalendarKeys calendar) {
        this.analyzer = analyzer;
        this.calendar = calendar;
    }

    public AnalyzedFeedback process(FeedbackItem item) {
        return new AnalyzedFeedback(item, analyzer.analyze(item), calendar.week(item.createdAt()), calendar.day(item.createdAt()));
    }

    public FeedbackAnalyzer analyzer() {
        return analyzer;
    }

    public CalendarKeys calendar() {
        return calendar;
    }
}
