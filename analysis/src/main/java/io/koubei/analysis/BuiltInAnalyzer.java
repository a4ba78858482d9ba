package io.koubei.analysis;

import io.koubei.core.feedback.Analysis;
import io.koubei.core.feedback.FeedbackItem;
import java.util.List;

/** The default analyzer with no configuration: built-in dictionary, lexicon, rules and aspect taxonomy. */
public final class BuiltInAnalyzer implements FeedbackAnalyzer {
    private final KoubeiAnalyzer delegate = FeedbackAnalyzers.builtIn();

    @Override
    public Analysis analyze(FeedbackItem item) {
        return delegate.analyze(item);
    }

    @Override
    public List<String> segment(String text) {
        return delegate.segment(text);
    }

    @Override
    public String version() {
        return delegate.version();
    }
}
