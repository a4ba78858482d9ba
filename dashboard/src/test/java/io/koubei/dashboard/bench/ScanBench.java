package io.koubei.dashboard.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.analysis.signals.competitor.ProductRoster;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.alerting.AlertProperties;
import io.koubei.dashboard.alerting.AlertRepository;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.dashboard.signals.EventRegistry;
import io.koubei.dashboard.signals.SignalsService;
import io.koubei.dashboard.web.DemoLoader;
import io.koubei.ingest.demo.DemoDataGenerator;
import io.koubei.store.elasticsearch.ElasticsearchFeedbackStore;
import io.koubei.store.elasticsearch.ElasticsearchStoreConfig;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The full detector rescan (every week with data, the way {@code SignalsService.scanAllWeeks} runs after an import
 * of history) at a given store size: wall time, process CPU time and heap (not a test: a command, see
 * docs/performance.md "Detector scan at scale").
 *
 * <ol>
 *   <li>Fill: the embedded index under {@code <dataDir>/index} is filled like {@link HttpReadBench} does (the demo
 *       world at the scale that gives the wanted count, analysed by the real analyzer, stored straight into Lucene).
 *       With {@code --es URL} the Elasticsearch index {@code scanbench-*} is filled from that Lucene index (same
 *       analysed documents) and scanned instead.</li>
 *   <li>Scan: {@code rounds} times the full rescan in this JVM. Round 1 on a fresh store writes every verdict (flags,
 *       segments); later rounds find them in place (the hourly and after-import rescans' usual case).</li>
 *   <li>Heap: the largest heap in use right after a collection (live data plus what survived), from the JVM's GC
 *       notifications, and the largest in use before one; run with {@code -Xmx1g} to show the scan fits 1 GB.</li>
 * </ol>
 *
 * Usage: {@code ScanBench <dataDir> <items> [rounds=2] [--es URL] [--weeks N]} ({@code --weeks}: only the last N weeks
 * with data, each with its full history window: what the hourly scan of the current week costs)
 */
public final class ScanBench {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    private static int lastWeeks = Integer.MAX_VALUE;

    private ScanBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        long items = Long.parseLong(args[1]);
        int rounds = args.length > 2 && !args[2].startsWith("--") ? Integer.parseInt(args[2]) : 2;
        String es = null;
        int lastWeeks = Integer.MAX_VALUE;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--es")) {
                es = args[i + 1];
            } else if (args[i].equals("--weeks")) {
                lastWeeks = Integer.parseInt(args[i + 1]);
            }
        }
        ScanBench.lastWeeks = lastWeeks;
        long stored = HttpReadBench.fill(dataDir, items);
        System.out.printf(Locale.ROOT, "items in the embedded store: %,d; max heap %,d MB; load average %s%n", stored,
                Runtime.getRuntime().maxMemory() >> 20, HttpReadBench.loadAverage());
        HeapWatch heap = HeapWatch.start();
        if (es == null) {
            try (LuceneFeedbackStore store = new LuceneFeedbackStore(dataDir.resolve("index"))) {
                scan(store, dataDir, rounds, heap, "embedded");
            }
        } else {
            try (LuceneFeedbackStore lucene = new LuceneFeedbackStore(dataDir.resolve("index"));
                 ElasticsearchFeedbackStore elastic = new ElasticsearchFeedbackStore(
                         ElasticsearchStoreConfig.of(es, "scanbench-"))) {
                long have = elastic.count(FeedbackFilter.ALL);
                if (have != stored) {
                    copy(lucene, elastic);
                }
                scan(elastic, dataDir, rounds, heap, "elasticsearch");
            }
        }
    }

    private static void copy(FeedbackStore from, FeedbackStore to) {
        long started = System.nanoTime();
        to.clear();
        List<AnalyzedFeedback> batch = new ArrayList<>();
        AtomicLong n = new AtomicLong();
        from.scan(FeedbackFilter.ALL, f -> {
            batch.add(f);
            if (batch.size() == 5000) {
                to.upsert(batch);
                batch.clear();
                if (n.addAndGet(5000) % 100_000 == 0) {
                    System.out.printf(Locale.ROOT, "  copied %,d items, %.0f s%n", n.get(), (System.nanoTime() - started) / 1e9);
                }
            }
        });
        to.upsert(batch);
        System.out.printf(Locale.ROOT, "copied %,d items to Elasticsearch in %.0f s%n", to.count(FeedbackFilter.ALL),
                (System.nanoTime() - started) / 1e9);
    }

    private static void scan(FeedbackStore store, Path dataDir, int rounds, HeapWatch heap, String name) throws Exception {
        Path state = Files.createTempDirectory("scanbench-state");
        EventRegistry events = new EventRegistry(state);
        events.record(DemoDataGenerator.defaults().events().stream().map(DemoLoader::event).toList());
        AlertService alerts = new AlertService(new AlertRepository(state), new AlertProperties(), List.of(),
                Clock.systemUTC(), CAL.zone());
        ScanConfig config = ScanConfig.defaults().withRoster(new ProductRoster(Set.of("nova-x1"), Set.of("rival-r9")));
        SignalsService signals = new SignalsService(store, CAL, config, events, alerts);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "%n| store | round | weeks | items in the windows | signals | flagged | segmented | wall | CPU | "
                + "heap after GC, max | heap before GC, max |%n|---|---|---|---|---|---|---|---|---|---|---|%n");
        for (int r = 1; r <= rounds; r++) {
            System.gc();
            heap.reset();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<String> weeks = signals.weeksWithData();
            List<SignalsService.ScanSummary> done = new ArrayList<>();
            for (String week : weeks.subList(Math.max(0, weeks.size() - lastWeeks), weeks.size())) {
                done.add(signals.scan(week));
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            long read = 0;
            int found = 0;
            int flagged = 0;
            int segmented = 0;
            for (SignalsService.ScanSummary s : done) {
                read += s.itemsScanned();
                found += s.signals().size();
                flagged += s.flagged();
                segmented += s.segmented();
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %,d | %d | %,d | %,d | %.1f s | %.1f s | %,d MB | %,d MB |%n",
                    name, r, done.size(), read, found, flagged, segmented, wall, cpu, heap.maxAfter() >> 20,
                    heap.maxBefore() >> 20);
        }
        System.out.println("load average after: " + HttpReadBench.loadAverage());
    }

    /** Heap in use before and after each collection, from the collectors' notifications. */
    static final class HeapWatch {
        private final AtomicLong maxAfter = new AtomicLong();
        private final AtomicLong maxBefore = new AtomicLong();

        static HeapWatch start() {
            HeapWatch w = new HeapWatch();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        return;
                    }
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    w.maxAfter.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                    w.maxBefore.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                }, null, null);
            }
            return w;
        }

        /** The heap pools' use (the notification also reports metaspace and the code cache). */
        private static long heap(java.util.Map<String, MemoryUsage> pools) {
            long used = 0;
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP && pools.containsKey(pool.getName())) {
                    used += pools.get(pool.getName()).getUsed();
                }
            }
            return used;
        }

        void reset() {
            maxAfter.set(0);
            maxBefore.set(0);
        }

        long maxAfter() {
            return maxAfter.get();
        }

        long maxBefore() {
            return maxBefore.get();
        }
    }
}
