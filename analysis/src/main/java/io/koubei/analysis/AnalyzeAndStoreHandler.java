package io.koubei.analysis;

import io.koubei.core.bus.DeadLetter;
import io.koubei.core.bus.FeedbackHandler;
import io.koubei.core.bus.HandleResult;
import io.koubei.core.bus.StoredEvent;
import io.koubei.core.bus.StoredListener;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.UpsertResult;
import io.koubei.core.store.WriteVisibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The worker step behind every bus: analyse each item, then store the batch. An item whose analysis fails is
 * given up as a dead letter (the rest still land); an unavailable store propagates so the bus retries the batch.
 * The in-process bus reports "stored" to its publishers, so its batches are readable when the handler returns
 * ({@link WriteVisibility#IMMEDIATE}); the Kafka workers' publishers were acknowledged by the brokers long before and
 * read nothing back, so they need not wait for the store's refresh ({@link WriteVisibility#EVENTUAL}).
 *
 * <p>After the store confirmed a batch, the handler announces it to its {@link StoredListener} ("stored: these
 * weeks/products"): the one place every bus passes through, so the signals re-scan hears of items imported, sent to
 * the API or consumed from Kafka alike.
 */
public final class AnalyzeAndStoreHandler implements FeedbackHandler {
    /** Below this many items a batch is analysed on the calling thread: handing off costs more than it saves. */
    static final int PARALLEL_THRESHOLD = 256;
    private static final System.Logger LOG = System.getLogger(AnalyzeAndStoreHandler.class.getName());

    private final AnalysisPipeline pipeline;
    private final FeedbackStore store;
    private final WriteVisibility visibility;
    private final ExecutorService analysisPool;
    private final int parallelism;
    private final StoredListener listener;
    /** Set by {@link #prepare} and taken by {@link #handle}, both on the bus's one worker thread. */
    private volatile Prepared prepared;

    public AnalyzeAndStoreHandler(AnalysisPipeline pipeline, FeedbackStore store) {
        this(pipeline, store, WriteVisibility.IMMEDIATE, null, 1);
    }

    public AnalyzeAndStoreHandler(AnalysisPipeline pipeline, FeedbackStore store, WriteVisibility visibility) {
        this(pipeline, store, visibility, null, 1);
    }

    /**
     * @param analysisPool where a large batch is analysed in {@code parallelism} slices (the pipeline is
     *                     thread-safe); null to analyse on the calling thread. The in-process bus has one worker, so
     *                     this is how it uses more than one core; the Kafka bus runs several workers instead.
     */
    public AnalyzeAndStoreHandler(AnalysisPipeline pipeline, FeedbackStore store, WriteVisibility visibility,
                                  ExecutorService analysisPool, int parallelism) {
        this(pipeline, store, visibility, analysisPool, parallelism, StoredListener.NONE);
    }

    /** @param listener told after each stored batch which weeks and products it changed */
    public AnalyzeAndStoreHandler(AnalysisPipeline pipeline, FeedbackStore store, WriteVisibility visibility,
                                  ExecutorService analysisPool, int parallelism, StoredListener listener) {
        this.listener = listener == null ? StoredListener.NONE : listener;
        this.pipeline = pipeline;
        this.store = store;
        this.visibility = visibility;
        this.analysisPool = analysisPool;
        this.parallelism = analysisPool == null ? 1 : Math.max(1, parallelism);
    }

    /**
     * Starts analysing the next batch in the pool while the caller still writes the current one: on two cores
     * analysis and the store's write then overlap instead of taking turns. Without a pool there is nothing to
     * overlap with, and the hint is ignored.
     */
    @Override
    public void prepare(List<FeedbackItem> next) {
        if (analysisPool == null || parallelism == 1 || next.size() < PARALLEL_THRESHOLD) {
            return;
        }
        Prepared previous = prepared;
        if (previous != null) {
            previous.cancel(); // never handed over (the bus closed or the batch was split): nobody needs it
        }
        prepared = new Prepared(next, submit(next));
    }

    @Override
    public HandleResult handle(List<FeedbackItem> batch) {
        List<AnalyzedFeedback> analysed = new ArrayList<>(batch.size());
        List<DeadLetter> failed = new ArrayList<>();
        Prepared p = prepared;
        if (p != null && p.batch() == batch) {
            prepared = null;
            collect(p.parts(), analysed, failed);
        } else if (parallelism == 1 || batch.size() < PARALLEL_THRESHOLD) {
            analyse(batch, analysed, failed);
        } else {
            collect(submit(batch), analysed, failed);
        }
        UpsertResult stored = analysed.isEmpty() ? UpsertResult.EMPTY : store.upsert(analysed, visibility);
        if (!analysed.isEmpty()) {
            announce(analysed);
        }
        return new HandleResult(stored, failed);
    }

    /** The batch is durable whatever a listener does: its failure is logged, never turned into a redelivery. */
    private void announce(List<AnalyzedFeedback> stored) {
        try {
            listener.stored(StoredEvent.of(stored));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "a listener of stored batches failed: " + e, e);
        }
    }

    /** The batch's analysis, in {@code parallelism} slices on the pool. */
    private List<Future<Slice>> submit(List<FeedbackItem> batch) {
        int slice = (batch.size() + parallelism - 1) / parallelism;
        List<Future<Slice>> parts = new ArrayList<>(parallelism);
        for (int i = 0; i < batch.size(); i += slice) {
            List<FeedbackItem> part = batch.subList(i, Math.min(batch.size(), i + slice));
            parts.add(analysisPool.submit(() -> {
                Slice s = new Slice(new ArrayList<>(part.size()), new ArrayList<>());
                analyse(part, s.analysed(), s.failed());
                return s;
            }));
        }
        return parts;
    }

    private static void collect(List<Future<Slice>> parts, List<AnalyzedFeedback> analysed, List<DeadLetter> failed) {
        for (Future<Slice> part : parts) {
            Slice s = join(part);
            analysed.addAll(s.analysed()); // slices in order: the batch's order (and last-duplicate-wins) holds
            failed.addAll(s.failed());
        }
    }

    /** A batch announced by {@link #prepare}, identified by the very list the bus will hand to {@link #handle}. */
    private record Prepared(List<FeedbackItem> batch, List<Future<Slice>> parts) {
        void cancel() {
            parts.forEach(f -> f.cancel(false));
        }
    }

    private record Slice(List<AnalyzedFeedback> analysed, List<DeadLetter> failed) {
    }

    private void analyse(List<FeedbackItem> items, List<AnalyzedFeedback> analysed, List<DeadLetter> failed) {
        for (FeedbackItem item : items) {
            try {
                analysed.add(pipeline.process(item));
            } catch (RuntimeException e) {
                failed.add(new DeadLetter(item.id(), null, "analysis failed: " + e, Instant.now()));
            }
        }
    }

    private static Slice join(Future<Slice> part) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
