package io.koubei.ingest.kafka;

import io.koubei.analysis.FeedbackAnalyzer;
import io.koubei.core.feedback.Analysis;
import io.koubei.core.feedback.FeedbackItem;
import java.util.List;

/** The real analyzer, except that it crashes on items tagged {@code poison}: a stand-in for an analyzer bug. */
final class PoisonSensitiveAnalyzer implements FeedbackAnalyzer {
    static final String POISON = "poison";
    private final FeedbackAnalyzer real;

    PoisonSensitiveAnalyzer(FeedbackAnalyzer real) {
        this.real = real;
    }

    @Override
    public Analysis analyze(FeedbackItem item) {
        if (item.tags().contains(POISON)) {
            throw new IllegalStateException("analyzer crashed on " + item.id());
        }
        return real.analyze(item);
    }

    @Override
    public List<String> segment(String text) {
        return real.segment(text);
    }

    @Override
    public String version() {
        return real.version() + "+poison";
    }
}
