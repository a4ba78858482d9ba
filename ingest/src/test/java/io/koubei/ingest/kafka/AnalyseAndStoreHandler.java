package io.koubei.ingest.kafka;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The analysis worker's job as the bus tests run it: analyse each item with the real pipeline, upsert the batch
 * into a real store. An item the analyzer cannot read is given up as a failure; a store that cannot take writes
 * throws StoreUnavailableException, which the bus answers with backpressure.
 */
final class AnalyseAndStoreHandler implements FeedbackHandler {
    private final AnalysisPipeline pipeline;
    private final FeedbackStore store;
    private final AtomicLong calls = new AtomicLong();
    private final Map<String, AtomicLong> itemsByThread = new ConcurrentHashMap<>();

    AnalyseAndStoreHandler(AnalysisPipeline pipeline, FeedbackStore store) {
        this.pipeline = pipeline;
        this.store = store;
    }

    @Override
    public HandleResult handle(List<FeedbackItem> batch) {
        calls.incrementAndGet();
        List<AnalyzedFeedback> analysed = new ArrayList<>(batch.size());
        List<DeadLetter> failed = new ArrayList<>();
        for (FeedbackItem item : batch) {
            try {
                analysed.add(pipeline.process(item));
            } catch (RuntimeException e) {
                failed.add(new DeadLetter(item.id(), null, "analysis failed: " + e.getMessage(), Instant.now()));
            }
        }
        UpsertResult stored = store.upsert(analysed);
        itemsByThread.computeIfAbsent(Thread.currentThread().getName(), t -> new AtomicLong()).addAndGet(analysed.size());
        return new HandleResult(stored, failed);
    }

    long calls() {
        return calls.get();
    }

    /** Items stored per worker thread. */
    Map<String, Long> itemsByThread() {
        Map<String, Long> out = new java.util.TreeMap<>();
        itemsByThread.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
