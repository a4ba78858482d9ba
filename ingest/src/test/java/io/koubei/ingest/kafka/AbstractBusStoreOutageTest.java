package io.koubei.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.BuiltInAnalyzer;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The fault test of the Kafka bus: while a stream of items flows through Kafka, the store becomes unavailable for
 * a while, then returns. Afterwards every item is stored exactly once, nothing went to the dead-letter topic, the
 * workers resumed by themselves, and they did not spin while waiting.
 *
 * <p>Abstract over the store: a subclass supplies a fresh store and how to take it down and bring it back
 * (a switch in front of the Lucene store; stopping and restarting a real Elasticsearch node).
 */
abstract class AbstractBusStoreOutageTest {
    private static final int WORKERS = 2;
    private static final int PARTITIONS = 4;
    private static final int BATCH = 250;
    private static final int CHUNK = 100;

    /** A fresh, empty store for the workers to write to. */
    protected abstract FeedbackStore openStore() throws Exception;

    /** From now on the store's writes fail with StoreUnavailableException. */
    protected abstract void takeStoreDown() throws Exception;

    /** The store serves again (it may take a moment to be fully back). */
    protected abstract void bringStoreBack() throws Exception;

    protected Duration outage() {
        return Duration.ofSeconds(4);
    }

    /** How long a phase may take before the test gives up (a real ES node on a busy machine is slower). */
    protected Duration patience() {
        return Duration.ofSeconds(30);
    }

    protected int itemCount() {
        return 5000;
    }

    @Test
    void aStoreOutageDuringAStreamLosesNothingDuplicatesNothingAndHealsByItself() throws Exception {
        int n = itemCount();
        KafkaBusConfig config = EmbeddedBroker.freshConfig("outage")
                .withPartitions(PARTITIONS, (short) 1).withWorkers(WORKERS).withBatchSize(BATCH);
        List<FeedbackItem> items = SampleFeedback.items("outage", 0, n);
        try (FeedbackStore store = openStore(); KafkaFeedbackBus bus = new KafkaFeedbackBus(config)) {
            AnalyseAndStoreHandler handler = new AnalyseAndStoreHandler(
                    new AnalysisPipeline(new BuiltInAnalyzer(), CalendarKeys.defaultZone()), store);
            bus.start(handler);

            // A steady stream: chunks published one after another while the store goes down and comes back.
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < n; i += CHUNK) {
                    bus.publish(items.subList(i, Math.min(n, i + CHUNK))).join();
                    sleep(Duration.ofMillis(60));
                }
            });

            Await.until(patience(), () -> store.count(FeedbackFilter.ALL) >= 500,
                    () -> "flow did not start: " + store.count(FeedbackFilter.ALL) + " stored, " + bus.health());
            // counted before the outage: a store that is really down (a stopped ES node) cannot be read either
            long storedBeforeOutage = store.count(FeedbackFilter.ALL);
            takeStoreDown();
            long downAt = System.nanoTime();
            long failuresBefore = bus.stats().storeUnavailable();
            AtomicBoolean sawPaused = new AtomicBoolean();
            AtomicBoolean healthSaidPaused = new AtomicBoolean();
            while (System.nanoTime() - downAt < outage().toNanos()) {
                if (bus.stats().paused()) {
                    sawPaused.set(true);
                }
                if (bus.health().detail().contains("paused since")) {
                    healthSaidPaused.set(true);
                }
                sleep(Duration.ofMillis(100));
            }
            long failuresDuringOutage = bus.stats().storeUnavailable() - failuresBefore;
            bringStoreBack();
            long backAt = System.nanoTime();
            Await.until(patience().multipliedBy(2), () -> store.count(FeedbackFilter.ALL) > storedBeforeOutage,
                    () -> "nothing stored since the store returned: " + bus.stats());
            Duration resumedAfter = Duration.ofNanos(System.nanoTime() - backAt);

            stream.get(60, TimeUnit.SECONDS);
            Await.until(patience().multipliedBy(2), () -> store.count(FeedbackFilter.ALL) == n && !bus.stats().paused(),
                    () -> store.count(FeedbackFilter.ALL) + " of " + n + " stored, " + bus.stats());
            double healedAfter = (System.nanoTime() - backAt) / 1e9;
            Await.until(Duration.ofSeconds(30), () -> bus.health().pending() == 0, () -> bus.health().toString());

            // Every id exactly once, with its content.
            assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(n);
            assertThat(store.getAll(SampleFeedback.ids(items))).hasSize(n);
            assertThat(store.get("outage:" + (n - 1)).orElseThrow().item()).isEqualTo(items.get(n - 1));
            assertThat(storedBeforeOutage).isLessThan(n);
            // Nothing good in the dead-letter topic, and the group committed all it consumed.
            assertThat(bus.deadLetterCount()).isZero();
            assertThat(KafkaFeedbackBusTest.committedOffsets(config)).isEqualTo(n);
            // The outage was felt, consumption paused, and it resumed without anyone's help.
            assertThat(failuresDuringOutage).isPositive();
            assertThat(sawPaused).isTrue();
            assertThat(healthSaidPaused).isTrue();
            assertThat(bus.health().detail()).contains("consuming").doesNotContain("paused since");
            // It resumed within one backoff step: the pending retry is due at most one (capped, doubled) wait later.
            assertThat(resumedAfter).isLessThan(min(outage(), config.maxBackoff()).plus(slack()));
            // No spinning: retries follow the exponential schedule (initial 200 ms, doubled), per worker.
            assertThat(failuresDuringOutage).isLessThanOrEqualTo(WORKERS * (retriesWithin(outage(), config) + 1));
            // Redelivery is bounded: at most one batch per worker was handled twice (none without rebalances).
            long written = handler.itemsByThread().values().stream().mapToLong(Long::longValue).sum();
            assertThat(written - n).isBetween(0L, (long) WORKERS * BATCH);
            System.out.printf("kafka outage test (%s): %d items, store down %.1f s, %d refused handler calls "
                            + "(%d workers), first write %.1f s and all stored %.1f s after the store returned, "
                            + "%d items written twice%n",
                    getClass().getSimpleName(), n, outage().toMillis() / 1000.0, failuresDuringOutage, WORKERS,
                    resumedAfter.toMillis() / 1000.0, healedAfter, written - n);
        }
    }

    /** Extra time a store may need to serve again after {@link #bringStoreBack()} returned, plus scheduling noise. */
    protected Duration slack() {
        return Duration.ofSeconds(5);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Retries a worker makes in the given time with the doubling schedule: initial·(2^k − 1) ≤ outage. */
    static long retriesWithin(Duration outage, KafkaBusConfig config) {
        Backoff b = new Backoff(config.initialBackoff(), config.maxBackoff());
        long waited = 0;
        long retries = 0;
        while (true) {
            waited += b.nextMillis();
            if (waited > outage.toMillis()) {
                return retries + 1; // the failure that started the wait counts too
            }
            retries++;
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
