package io.koubei.bench;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.time.CalendarKeys;
import io.koubei.ingest.demo.DemoDataGenerator;
import io.koubei.ingest.demo.DemoOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark's data: the project's own demo generator (seeded, multi-channel, ~4,700 items per week at scale 1),
 * never evaluation data. The same items feed both sides of every comparison.
 */
final class BenchCorpus {
    /** Items per demo week at scale 1.0 (56,715 over 12 weeks with seed 42). */
    static final double ITEMS_PER_WEEK_AT_SCALE_1 = 56_715 / 12.0;

    private BenchCorpus() {
    }

    /** Demo options giving about {@code items} items over {@code weeks} weeks ending before the reference date. */
    static DemoOptions optionsFor(long items, int weeks) {
        double scale = Math.min(20, items / (ITEMS_PER_WEEK_AT_SCALE_1 * weeks));
        return DemoOptions.defaults().withWeeks(DemoOptions.REFERENCE_DATE.minusWeeks(weeks), weeks).withScale(scale);
    }

    static List<FeedbackItem> items(DemoOptions options) {
        return new DemoDataGenerator(options).generate().toList();
    }

    /** The format v1 file `koubei import` would read. */
    static Path writeJsonl(Path file, DemoOptions options) throws IOException {
        DemoDataGenerator.writeJsonl(file, options);
        return file;
    }

    /** The pipeline every Koubei worker runs: built-in analyzer, the team's zone for weeks and days. */
    static AnalysisPipeline pipeline() {
        return new AnalysisPipeline(FeedbackAnalyzers.builtIn(), new CalendarKeys(ZoneId.of("Asia/Shanghai")));
    }

    /** Analyses items on {@code threads} threads, keeping their order. */
    static List<AnalyzedFeedback> analyse(List<FeedbackItem> items, int threads) {
        AnalysisPipeline pipeline = pipeline();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int slice = Math.max(1, (items.size() + threads - 1) / threads);
            List<Future<List<AnalyzedFeedback>>> parts = new ArrayList<>();
            for (int i = 0; i < items.size(); i += slice) {
                List<FeedbackItem> part = items.subList(i, Math.min(items.size(), i + slice));
                parts.add(pool.submit(() -> part.stream().map(pipeline::process).toList()));
            }
            List<AnalyzedFeedback> out = new ArrayList<>(items.size());
            for (Future<List<AnalyzedFeedback>> f : parts) {
                out.addAll(f.get());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("analysis failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
