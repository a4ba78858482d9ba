package io.koubei.dashboard.platform;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.core.bus.DeadLetter;
import io.koubei.core.bus.FeedbackHandler;
import io.koubei.core.bus.HandleResult;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.UpsertResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker step behind every bus: analyse each item, then store the batch. An item whose analysis fails is
 * given up as a dead letter (the rest still land); an unavailable store propagates so the bus retries the batch.
 */
public final class AnalyzeAndStoreHandler implements FeedbackHandler {
    private final AnalysisPipeline pipeline;
    private final FeedbackStore store;

    public AnalyzeAndStoreHandler(AnalysisPipeline pipeline, FeedbackStore store) {
        this.pipeline = pipeline;
        this.store = store;
    }

    @Override
    public HandleResult handle(List<FeedbackItem> batch) {
        List<AnalyzedFeedback> analysed = new ArrayList<>(batch.size());
        List<DeadLetter> failed = new ArrayList<>();
        for (FeedbackItem item : batch) {
            try {
                analysed.add(pipeline.process(item));
            } catch (RuntimeException e) {
                failed.add(new DeadLetter(item.id(), null, "analysis failed: " + e, Instant.now()));
            }
        }
        UpsertResult stored = analysed.isEmpty() ? UpsertResult.EMPTY : store.upsert(analysed);
        return new HandleResult(stored, failed);
    }
}
