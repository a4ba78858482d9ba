package io.koubei.ingest.kafka;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.BuiltInAnalyzer;
import io.koubei.core.bus.FeedbackHandler;
import io.koubei.core.bus.HandleResult;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.UpsertResult;
import io.koubei.core.time.CalendarKeys;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Files;
import java.nio.file.Path;
import io.koubei.core.bus.PublishReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Manual benchmark against a running broker (scripts/kafka-broker.sh start), not part of the test run:
 * {@code java -cp <test classpath> io.koubei.ingest.kafka.KafkaBusBenchmark 127.0.0.1:9092 50000 2}.
 * Measures publish throughput, then end-to-end throughput with a handler that only counts (the bus alone) and
 * with analysis + the embedded Lucene store (the real pipeline).
 */
public final class KafkaBusBenchmark {
    public static void main(String[] args) throws Exception {
        String servers = args.length > 0 ? args[0] : "127.0.0.1:9092";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<FeedbackItem> items = SampleFeedback.items("bench", 0, n);

        AtomicLong counted = new AtomicLong();
        FeedbackHandler countOnly = batch -> {
            counted.addAndGet(batch.size());
            return new HandleResult(new UpsertResult(batch.size(), 0), List.of());
        };
        run("bus only (counting handler)", servers, workers, items, countOnly, counted::get);

        Path dir = Files.createTempDirectory("koubei-bench");
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir)) {
            AnalyseAndStoreHandler real = new AnalyseAndStoreHandler(
                    new AnalysisPipeline(new BuiltInAnalyzer(), CalendarKeys.defaultZone()), store);
            run("analysis + Lucene store", servers, workers, items, real, () -> store.count(FeedbackFilter.ALL));
        }
    }

    private static void run(String label, String servers, int workers, List<FeedbackItem> items, FeedbackHandler handler,
                            LongSupplier done) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        KafkaBusConfig config = KafkaBusConfig.defaults(servers).withTopics("bench-" + suffix, "bench-dlq-" + suffix)
                .withGroupId("bench-" + suffix).withWorkers(workers).withPartitions(Math.max(4, workers), (short) 1);
        int n = items.size();
        try (KafkaFeedbackBus bus = new KafkaFeedbackBus(config)) {
            long t0 = System.nanoTime();
            List<CompletableFuture<PublishReceipt>> acks = new ArrayList<>();
            for (int i = 0; i < n; i += 1000) {
                acks.add(bus.publish(items.subList(i, Math.min(n, i + 1000))));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            double publishSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            bus.start(handler);
            while (done.getAsLong() == 0) {
                Thread.sleep(5);
            }
            long t2 = System.nanoTime();
            long first = done.getAsLong();
            while (done.getAsLong() < n) {
                Thread.sleep(20);
            }
            long t3 = System.nanoTime();
            System.out.printf("%-28s %d items, %d worker(s): publish %.0f/s; group join + first batch %.1f s, "
                            + "then consume %.0f/s%n", label, n, workers, n / publishSeconds, (t2 - t1) / 1e9,
                    (n - first) / ((t3 - t2) / 1e9));
        }
    }
}
