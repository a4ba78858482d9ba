package io.koubei.analysis;

import io.koubei.core.feedback.Analysis;
import io.koubei.core.feedback.FeedbackItem;
import java.util.List;

/**
 * Reads one item: tokens, sentiment, opinion points, NPS class, near-duplicate signature.
 * Thread-safe: one instance serves every worker.
 */
public interface FeedbackAnalyzer {

    Analysis analyze(FeedbackItem item);

    /** Segments free text exactly as item texts are segmented: used for search queries. */
    List<String> segment(String text);

    /** Identifies the active model (shown in the UI and stored with each analysis). */
    String version();
}
