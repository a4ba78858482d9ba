package io.koubei.dashboard.settings;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.dashboard.web.ImportStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Re-analyses stored items with the current analyzer (after a dictionary, lexicon or taxonomy change), in the
 * background, batch by batch. What the detectors wrote (flags such as astroturf, the core/mass segment) is kept.
 * Each batch re-reads the items just before writing, so an item updated by an import meanwhile is analysed in its
 * new version, not overwritten with the old one.
 */
@Component
public class Reanalysis {
    private static final Logger log = LoggerFactory.getLogger(Reanalysis.class);
    private static final int BATCH = 500;

    private final FeedbackStore store;
    private final AnalysisPipeline pipeline;
    private final ImportStatus status;
    private final AtomicBoolean running = new AtomicBoolean();

    public Reanalysis(FeedbackStore store, AnalysisPipeline pipeline, ImportStatus status) {
        this.store = store;
        this.pipeline = pipeline;
        this.status = status;
    }

    public boolean running() {
        return running.get();
    }

    /** Starts a background run over every stored item; false when one is already running. */
    public boolean start() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Thread t = new Thread(this::runAll, "reanalysis");
        t.setDaemon(true);
        t.start();
        return true;
    }

    private void runAll() {
        try {
            long total = store.count(FeedbackFilter.ALL);
            status.start("re-analysis", total);
            long done = run(FeedbackFilter.ALL, (n) -> status.progress(n, total));
            log.info("Re-analysed {} items with analyzer {}", done, pipeline.analyzer().version());
        } catch (RuntimeException e) {
            log.error("Re-analysis stopped: {}", e.toString());
        } finally {
            status.finish();
            running.set(false);
        }
    }

    /** Re-analyses the matching items now; returns how many were written. */
    public long run(FeedbackFilter filter, java.util.function.LongConsumer progress) {
        List<String> ids = new ArrayList<>(BATCH);
        long[] done = {0};
        store.scan(filter, f -> {
            ids.add(f.id());
            if (ids.size() == BATCH) {
                done[0] += rewrite(ids);
                ids.clear();
                progress.accept(done[0]);
            }
        });
        done[0] += rewrite(ids);
        progress.accept(done[0]);
        return done[0];
    }

    private int rewrite(List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        Map<String, AnalyzedFeedback> current = store.getAll(ids).stream()
                .collect(Collectors.toMap(AnalyzedFeedback::id, Function.identity(), (a, b) -> a));
        List<AnalyzedFeedback> out = new ArrayList<>(current.size());
        for (AnalyzedFeedback f : current.values()) {
            // the store keeps the detectors' verdicts (flags, segment) of a stored item; carried here as well so the
            // records written are the records stored
            out.add(pipeline.process(f.item()).withVerdicts(f.analysis().verdicts()));
        }
        store.upsert(out);
        return out.size();
    }
}
