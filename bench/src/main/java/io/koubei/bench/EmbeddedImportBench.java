package io.koubei.bench;

import io.koubei.analysis.AnalyzeAndStoreHandler;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.ingest.bus.InProcessBus;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.ingest.importing.ImportOptions;
import io.koubei.ingest.importing.ImportSummary;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.koubei.core.store.WriteVisibility;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded default end to end — {@code koubei import FILE}: the real importer parses the format v1 file, the
 * in-process bus hands batches to the worker, which analyses each item and upserts into the embedded Lucene store
 * (one durable commit per batch) — against bare Lucene indexing of the same texts with SmartChineseAnalyzer
 * (one document per text, id + analysed text, default IndexWriter settings, one commit at the end). Both sides
 * analyse on the same number of threads (one per core by default).
 */
final class EmbeddedImportBench {
    private EmbeddedImportBench() {
    }

    static Run koubeiImport(Path file, long expected, Path dir, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        return Run.measure("embedded import (parse→analyse→Lucene store)", 0, 0, () -> {
            try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir.resolve("index"));
                 InProcessBus bus = new InProcessBus(dir.resolve("dead-letters"))) {
                // as PlatformConfiguration wires the in-process bus (koubei.analysis-threads)
                bus.start(new AnalyzeAndStoreHandler(BenchCorpus.pipeline(), store, WriteVisibility.IMMEDIATE, pool,
                        threads));
                ImportSummary s = new FeedbackImporter(bus).importFile(file, ImportOptions.defaults());
                long stored = store.count(FeedbackFilter.ALL);
                if (!s.complete() || stored != expected) {
                    throw new IllegalStateException("import incomplete: " + s.describe() + ", stored " + stored);
                }
                return stored;
            } finally {
                pool.shutdownNow();
            }
        });
    }

    /** The same texts, indexed from {@code threads} threads at once (IndexWriter is thread-safe), as the import may. */
    static Run bareLucene(List<FeedbackItem> items, Path dir, int threads) throws Exception {
        List<String[]> docs = items.stream().map(i -> new String[] {i.id(), i.text()}).toList();
        return Run.measure("bare Lucene + SmartChineseAnalyzer", 0, 0, () -> {
            Files.createDirectories(dir);
            try (FSDirectory d = FSDirectory.open(dir);
                 IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new SmartChineseAnalyzer()))) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                try {
                    List<Future<?>> parts = new ArrayList<>();
                    int slice = (docs.size() + threads - 1) / threads;
                    for (int i = 0; i < docs.size(); i += slice) {
                        List<String[]> part = docs.subList(i, Math.min(docs.size(), i + slice));
                        parts.add(pool.submit(() -> {
                            for (String[] doc : part) {
                                Document x = new Document();
                                x.add(new StringField("id", doc[0], Field.Store.YES));
                                x.add(new TextField("text", doc[1], Field.Store.YES));
                                w.addDocument(x);
                            }
                            return null;
                        }));
                    }
                    for (Future<?> p : parts) {
                        p.get();
                    }
                } finally {
                    pool.shutdownNow();
                }
                w.commit();
                return (long) w.getDocStats().numDocs;
            }
        });
    }

    /**
     * What bounds the import: the CPU of each stage alone, per 1,000 items — parsing (the importer into a bus whose
     * handler only counts), analysis (one thread), and the store (upserts of the analysed items in the importer's
     * batch size, merges included).
     */
    static String stageCosts(Path file, List<FeedbackItem> items, Path dir) throws Exception {
        double k = items.size() / 1000.0;
        double c0 = CpuClock.thisProcess();
        try (InProcessBus bus = new InProcessBus(dir.resolve("parse-dead-letters"))) {
            bus.start(batch -> new io.koubei.core.bus.HandleResult(new io.koubei.core.store.UpsertResult(batch.size(), 0),
                    List.of()));
            new FeedbackImporter(bus).importFile(file, ImportOptions.defaults());
        }
        double parse = CpuClock.thisProcess() - c0;
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = mx.getCurrentThreadCpuTime();
        var pipeline = BenchCorpus.pipeline();
        List<io.koubei.core.feedback.AnalyzedFeedback> analysed = new ArrayList<>(items.size());
        for (FeedbackItem i : items) {
            analysed.add(pipeline.process(i));
        }
        double analysis = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
        int batch = ImportOptions.defaults().batchSize();
        double s0 = CpuClock.thisProcess();
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir.resolve("store-only"))) {
            for (int i = 0; i < analysed.size(); i += batch) {
                store.upsert(analysed.subList(i, Math.min(analysed.size(), i + batch)));
            }
        }
        double storeCpu = CpuClock.thisProcess() - s0;
        return String.format(java.util.Locale.ROOT, "import stages alone, CPU ms per 1,000 items: parse %.0f, analysis %.0f"
                + " (one thread), Lucene store %.0f (batches of %,d, merges included)", parse * 1000 / k,
                analysis * 1000 / k, storeCpu * 1000 / k, batch);
    }

    static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
