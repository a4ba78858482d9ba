package io.koubei.dashboard.cli;

import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.StoreHealth;
import io.koubei.ingest.kafka.KafkaFeedbackBus;
import io.koubei.ingest.kafka.StorageProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.common.KafkaException;

/**
 * After {@code koubei import} published to Kafka: follows the workers (of any {@code koubei serve} process) until
 * they stored every item this import published, printing progress. It tells the user when nobody consumes and
 * when the store is down (the workers then wait and retry: nothing is lost), and gives up after the timeout.
 */
final class StorageWait {
    private static final long POLL_MILLIS = 1_000;
    private static final long REPORT_MILLIS = 5_000;
    /** How long an empty consumer group is tolerated before saying so and returning. */
    private static final long NO_WORKER_MILLIS = 15_000;

    private final KafkaFeedbackBus bus;
    private final FeedbackStore store;
    private final PrintStream out;
    private final Duration timeout;

    StorageWait(KafkaFeedbackBus bus, FeedbackStore store, PrintStream out, Duration timeout) {
        this.bus = bus;
        this.store = store;
        this.out = out;
        this.timeout = timeout;
    }

    /** 0 when everything is stored, {@link ImportCommand#NOT_YET_STORED} otherwise. */
    int await() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long lastReport = 0;
        long noWorkerSince = 0;
        String storeTrouble = null;
        StorageProgress p = null;
        while (System.nanoTime() < deadline) {
            try {
                p = bus.storageProgress();
            } catch (KafkaException e) {
                out.println("  cannot ask Kafka how far the workers are (" + e.getMessage() + "); retrying");
                Thread.sleep(REPORT_MILLIS);
                continue;
            }
            if (p.done()) {
                out.printf(Locale.ROOT, "stored: all %,d items are analysed and in the store (%.1f s after publishing)%n",
                        p.published(), (System.nanoTime() - start) / 1e9);
                return 0;
            }
            long now = System.nanoTime();
            if (p.activeConsumers() == 0) {
                noWorkerSince = noWorkerSince == 0 ? now : noWorkerSince;
                if (now - noWorkerSince > NO_WORKER_MILLIS * 1_000_000) {
                    out.printf(Locale.ROOT, "not stored yet: no Koubei worker consumes group %s. Start `koubei serve` with the"
                            + " same KOUBEI_BUS / KAFKA_* / store settings; the %,d items wait safely in Kafka.%n",
                            bus.config().groupId(), p.pending());
                    return ImportCommand.NOT_YET_STORED;
                }
            } else {
                noWorkerSince = 0;
            }
            if (now - lastReport > REPORT_MILLIS * 1_000_000) {
                lastReport = now;
                StoreHealth h = store.check();
                String trouble = h.up() ? null : h.detail();
                if (trouble != null && storeTrouble == null) {
                    out.println("  the store is not available (" + trouble + "): the workers wait and retry, nothing is lost");
                } else if (trouble == null && storeTrouble != null) {
                    out.println("  the store is available again");
                }
                storeTrouble = trouble;
                out.printf(Locale.ROOT, "  storing: %,d of %,d stored, %,d pending, %d worker(s) in group %s%n", p.stored(),
                        p.published(), p.pending(), p.activeConsumers(), bus.config().groupId());
            }
            Thread.sleep(POLL_MILLIS);
        }
        out.printf(Locale.ROOT, "not stored yet after %s: %,d of %,d items pending. They are safe in Kafka; the workers go on"
                + " (GET /api/v1/health shows bus.pending).%n", timeout, p == null ? -1 : p.pending(), p == null ? -1 : p.published());
        return ImportCommand.NOT_YET_STORED;
    }
}
