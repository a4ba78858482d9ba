package io.koubei.core.store;

import io.koubei.core.feedback.AnalyzedFeedback;
import java.util.List;

public record SearchPage(long total, List<AnalyzedFeedback> items) {
    public SearchPage {
        items = List.copyOf(items);
    }
}
