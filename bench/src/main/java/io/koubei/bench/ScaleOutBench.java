package io.koubei.bench;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.ingest.demo.DemoOptions;
import io.koubei.store.elasticsearch.ElasticsearchFeedbackStore;
import io.koubei.store.elasticsearch.ElasticsearchStoreConfig;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The side-by-side scale-out benchmark (issue 4), run by {@code scripts/bench-scaleout.sh}, which starts an
 * Elasticsearch node and a Kafka broker for it. Every comparison runs both sides in this one process, on the same
 * generated demo items, one after the other, and prints wall time, throughput and the CPU each side cost.
 *
 * <pre>
 * ScaleOutBench --es http://127.0.0.1:9251 --kafka 127.0.0.1:9192 [--es-pid P] [--broker-pid P]
 *               [--items 56715] [--query-items 1000000 (0: skip)] [--workers 2] [--partitions 4] [--batch 1000]
 *               [--analysis-threads cores (embedded import and its baseline)] [--rounds 3]
 *               [--work target/bench-work] [--phases embedded,es,reads]
 * </pre>
 */
public final class ScaleOutBench {
    private ScaleOutBench() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = args(argv);
        String es = required(a, "es");
        String kafka = required(a, "kafka");
        long esPid = Long.parseLong(a.getOrDefault("es-pid", "0"));
        long brokerPid = Long.parseLong(a.getOrDefault("broker-pid", "0"));
        int items = Integer.parseInt(a.getOrDefault("items", "56715"));
        int queryItems = Integer.parseInt(a.getOrDefault("query-items", "1000000"));
        int workers = Integer.parseInt(a.getOrDefault("workers", "2"));
        int partitions = Integer.parseInt(a.getOrDefault("partitions", "4"));
        int batch = Integer.parseInt(a.getOrDefault("batch", String.valueOf(io.koubei.ingest.kafka.KafkaBusConfig.DEFAULT_BATCH_SIZE)));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
        int threads = Integer.parseInt(a.getOrDefault("analysis-threads",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
        Path work = Path.of(a.getOrDefault("work", "target/bench-work")).toAbsolutePath();
        java.util.Set<String> phases = java.util.Set.of(a.getOrDefault("phases", "embedded,es,reads").split(","));
        EmbeddedImportBench.delete(work);
        Files.createDirectories(work);

        System.out.printf(Locale.ROOT, "machine: %d cores, load average %.2f; Java %s; ES %s, Kafka %s%n",
                Runtime.getRuntime().availableProcessors(), CpuClock.loadAverage(), System.getProperty("java.version"),
                es, kafka);
        List<Double> loads = new ArrayList<>();
        loads.add(CpuClock.loadAverage());

        DemoOptions options = DemoOptions.defaults().withScale(items / 56_715.0);
        Path file = BenchCorpus.writeJsonl(work.resolve("demo.jsonl"), options);
        List<FeedbackItem> corpus = BenchCorpus.items(options);
        System.out.printf(Locale.ROOT, "corpus: %,d demo items (seed 42, scale %.2f), %,d bytes of format v1 JSONL%n",
                corpus.size(), options.scale(), Files.size(file));

        // warm-up: JIT and the ES node see a little of every path before anything is timed
        System.out.println("-- warm-up (not reported)");
        DemoOptions small = DemoOptions.defaults().withScale(0.1);
        Path smallFile = BenchCorpus.writeJsonl(work.resolve("warmup.jsonl"), small);
        List<FeedbackItem> warm = BenchCorpus.items(small);
        if (phases.contains("embedded")) { // the whole corpus once per side: the import's code paths take longer to compile
            EmbeddedImportBench.koubeiImport(file, corpus.size(), work.resolve("warm-import"), threads);
            EmbeddedImportBench.bareLucene(corpus, work.resolve("warm-bare"), threads);
        }
        ElasticsearchIngestBench ingest = new ElasticsearchIngestBench(es, esPid, brokerPid);
        if (phases.contains("es")) {
            ingest.rawBulk(BenchCorpus.analyse(warm, 2), 1000, workers, "bench-warm-raw-");
            ingest.kafkaToElasticsearch(warm, kafka, workers, partitions, batch, "bench-warm-e2e-");
        }
        loads.add(CpuClock.loadAverage());

        Run koubeiImport = null;
        Run bare = null;
        String stages = null;
        if (phases.contains("embedded")) {
            System.out.println("-- embedded: Koubei import vs bare Lucene");
            List<Run> ours = new ArrayList<>();
            List<Run> theirs = new ArrayList<>();
            for (int r = 0; r < rounds; r++) { // alternating, so both sides see the same stretch of machine load
                EmbeddedImportBench.delete(work.resolve("import"));
                EmbeddedImportBench.delete(work.resolve("bare"));
                ours.add(EmbeddedImportBench.koubeiImport(file, corpus.size(), work.resolve("import"), threads));
                theirs.add(EmbeddedImportBench.bareLucene(corpus, work.resolve("bare"), threads));
            }
            koubeiImport = Run.median(ours);
            bare = Run.median(theirs);
            stages = EmbeddedImportBench.stageCosts(file, corpus, work.resolve("stages"));
            System.out.println(stages);
            loads.add(CpuClock.loadAverage());
        }

        Run raw = null;
        Run pipeline = null;
        String analysisCost = null;
        Run busOnly = null;
        if (phases.contains("es")) {
            System.out.println("-- scale-out: Kafka → analysis → Elasticsearch vs raw _bulk");
            double a0 = CpuClock.thisProcess();
            List<AnalyzedFeedback> analysed = BenchCorpus.analyse(corpus, 2);
            analysisCost = String.format(Locale.ROOT, "analysis alone (the pipeline's share of Kafka→ES): %.0f CPU ms per 1,000 items",
                    (CpuClock.thisProcess() - a0) * 1000 / (corpus.size() / 1000.0));
            List<Run> ours = new ArrayList<>();
            List<Run> theirs = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                theirs.add(ingest.rawBulk(analysed, 1000, workers, "bench-raw-" + r + "-"));
                ours.add(ingest.kafkaToElasticsearch(corpus, kafka, workers, partitions, batch, "bench-e2e-" + r + "-"));
            }
            raw = Run.median(theirs);
            pipeline = Run.median(ours);
            busOnly = ingest.kafkaBusOnly(corpus, kafka, workers, partitions, batch, "only");
            loads.add(CpuClock.loadAverage());
        }

        List<OverviewLatencyBench.Latency> latencies = List.of();
        long queryCorpus = 0;
        if (queryItems > 0 && phases.contains("reads")) {
            System.out.println("-- reads at scale: both stores filled with the same items");
            ElasticsearchStoreConfig config = ElasticsearchStoreConfig.of(es, "bench-q-");
            ingest.deleteIndices("bench-q-");
            try (LuceneFeedbackStore lucene = new LuceneFeedbackStore(work.resolve("query-index"));
                 ElasticsearchFeedbackStore elastic = new ElasticsearchFeedbackStore(config)) {
                OverviewLatencyBench reads = new OverviewLatencyBench(lucene, elastic, es);
                queryCorpus = reads.fill(BenchCorpus.optionsFor(queryItems, 52), 2);
                loads.add(CpuClock.loadAverage());
                latencies = reads.measure();
            } finally {
                ingest.deleteIndices("bench-q-");
            }
            loads.add(CpuClock.loadAverage());
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "== results (one run, this machine; throughput: median of %d alternating rounds) ==%n", rounds);
        System.out.printf(Locale.ROOT, "| comparison | Koubei | baseline | ratio | goal |%n|---|---|---|---|---|%n");
        if (koubeiImport != null) {
            row("embedded import vs bare Lucene + SmartCN", koubeiImport, bare, 0.5);
        }
        if (pipeline != null) {
            row("Kafka → analysis → ES vs raw _bulk", pipeline, raw, 0.8);
        }
        System.out.println();
        for (Run r : java.util.Arrays.asList(koubeiImport, bare, pipeline, raw, busOnly)) {
            if (r != null) {
                System.out.printf(Locale.ROOT, "CPU per 1,000 items, %s: %.0f ms (bench JVM + ES node + broker)%n",
                        r.label(), r.cpuMillisPerThousand());
            }
        }
        if (stages != null) {
            System.out.println(stages);
        }
        if (analysisCost != null) {
            System.out.println(analysisCost);
        }
        if (!latencies.isEmpty()) {
            System.out.printf(Locale.ROOT, "%n| read at %,d items | Lucene p50 / p95 | Elasticsearch p50 / p95 (uncached) | ES cached p50 |%n"
                    + "|---|---|---|---|%n", queryCorpus);
            for (OverviewLatencyBench.Latency l : latencies) {
                System.out.printf(Locale.ROOT, "| %s | %.1f / %.1f ms | %.1f / %.1f ms | %.1f ms |%n", l.read(),
                        l.luceneP50(), l.luceneP95(), l.esP50(), l.esP95(), l.esCachedP50());
            }
        }
        System.out.printf(Locale.ROOT, "%nload average (1 min) at the phase boundaries: %s%n", loads.stream()
                .map(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
    }

    private static void row(String what, Run ours, Run baseline, double goal) {
        double ratio = ours.itemsPerSecond() / baseline.itemsPerSecond();
        System.out.printf(Locale.ROOT, "| %s | %,.0f items/s (%.1f s) | %,.0f items/s (%.1f s) | %.2f× | ≥ %.1f× %s |%n",
                what, ours.itemsPerSecond(), ours.wallSeconds(), baseline.itemsPerSecond(), baseline.wallSeconds(), ratio,
                goal, ratio >= goal ? "met" : "**missed**");
    }

    private static Map<String, String> args(String[] argv) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", argv));
            }
            out.put(argv[i].substring(2), argv[++i]);
        }
        return out;
    }

    private static String required(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
