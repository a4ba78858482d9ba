package io.koubei.bench;

import io.koubei.analysis.AnalyzeAndStoreHandler;
import io.koubei.core.bus.PublishReceipt;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.WriteVisibility;
import io.koubei.ingest.kafka.KafkaBusConfig;
import io.koubei.ingest.kafka.KafkaFeedbackBus;
import io.koubei.store.elasticsearch.ElasticsearchFeedbackStore;
import io.koubei.store.elasticsearch.ElasticsearchStoreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka → analysis → Elasticsearch, the scale-out pipeline as `koubei serve` runs it (KafkaFeedbackBus workers
 * calling the real analyse-and-store handler on ElasticsearchFeedbackStore), against raw {@code _bulk} of the same,
 * already analysed documents into an index with the same template on the same node: the node's own ceiling.
 */
final class ElasticsearchIngestBench {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String esUrl;
    private final long esPid;
    private final long brokerPid;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ElasticsearchIngestBench(String esUrl, long esPid, long brokerPid) {
        this.esUrl = esUrl;
        this.esPid = esPid;
        this.brokerPid = brokerPid;
    }

    /**
     * The same documents the store writes, in bulks of the store's size, from {@code threads} concurrent clients,
     * no refresh per request and one refresh at the end (the cheapest way to make them all visible).
     */
    Run rawBulk(List<AnalyzedFeedback> docs, int bulkSize, int threads, String prefix) throws Exception {
        ElasticsearchStoreConfig config = ElasticsearchStoreConfig.of(esUrl, prefix);
        try (ElasticsearchFeedbackStore store = new ElasticsearchFeedbackStore(config)) {
            store.count(FeedbackFilter.ALL); // creates the template and the first index, exactly as the store does
            String index = store.writeAlias();
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < docs.size(); i += bulkSize) {
                StringBuilder sb = new StringBuilder();
                for (AnalyzedFeedback f : docs.subList(i, Math.min(docs.size(), i + bulkSize))) {
                    sb.append("{\"index\":{\"_index\":").append(JSON.writeValueAsString(index)).append(",\"_id\":")
                            .append(JSON.writeValueAsString(f.id())).append("}}\n")
                            .append(JSON.writeValueAsString(ElasticsearchFeedbackStore.document(f))).append('\n');
                }
                bodies.add(sb.toString());
            }
            return Run.measure(String.format(Locale.ROOT, "raw _bulk of the analysed docs (%d clients)", threads),
                    esPid, 0, () -> {
                        AtomicInteger next = new AtomicInteger();
                        ExecutorService pool = Executors.newFixedThreadPool(threads);
                        try {
                            List<Future<?>> clients = new ArrayList<>();
                            for (int t = 0; t < threads; t++) {
                                clients.add(pool.submit(() -> {
                                    for (int b; (b = next.getAndIncrement()) < bodies.size(); ) {
                                        bulk(bodies.get(b));
                                    }
                                    return null;
                                }));
                            }
                            for (Future<?> c : clients) {
                                c.get();
                            }
                        } finally {
                            pool.shutdownNow();
                        }
                        post("/" + index + "/_refresh", "");
                        return store.count(FeedbackFilter.ALL);
                    });
        } finally {
            deleteIndices(prefix);
        }
    }

    /**
     * Raw items already waiting in a fresh topic (published first, timed apart); then the bus's workers consume,
     * analyse and upsert until every item is visible in the store.
     */
    Run kafkaToElasticsearch(List<FeedbackItem> items, String bootstrap, int workers, int partitions, int batchSize,
                             String prefix) throws Exception {
        String suffix = prefix.replaceAll("[^a-z0-9]", "");
        KafkaBusConfig bus = KafkaBusConfig.defaults(bootstrap).withTopics("bench-" + suffix, "bench-dlq-" + suffix)
                .withGroupId("bench-" + suffix).withWorkers(workers).withPartitions(partitions, (short) 1)
                .withBatchSize(batchSize);
        try (ElasticsearchFeedbackStore store = new ElasticsearchFeedbackStore(ElasticsearchStoreConfig.of(esUrl, prefix));
             KafkaFeedbackBus kafka = new KafkaFeedbackBus(bus)) {
            store.count(FeedbackFilter.ALL);
            long t0 = System.nanoTime();
            List<CompletableFuture<PublishReceipt>> acks = new ArrayList<>();
            for (int i = 0; i < items.size(); i += 1000) {
                acks.add(kafka.publish(items.subList(i, Math.min(items.size(), i + 1000))));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            double publish = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "published %,d items to %s in %.1f s (%,.0f items/s, acks=all)%n",
                    items.size(), bus.topic(), publish, items.size() / publish);
            long[] firstStoredNanos = {0};
            Run r = Run.measure(String.format(Locale.ROOT, "Kafka→analysis→ES (%d workers, %d partitions, batch %d)",
                    workers, partitions, batchSize), esPid, brokerPid, () -> {
                long start = System.nanoTime();
                // as PlatformConfiguration wires the Kafka workers
                kafka.start(new AnalyzeAndStoreHandler(BenchCorpus.pipeline(), store, WriteVisibility.EVENTUAL));
                long deadline = start + TimeUnit.MINUTES.toNanos(30);
                // completion from the workers' own counters, not by searching the index: a search every 100 ms
                // keeps the shard from going search-idle, so it would refresh every second (small segments, more
                // merges) where the raw side is never searched until its end. Both sides end with one refresh.
                // "created" counts distinct new documents; a batch redelivered after a rebalance counts as updated.
                long written;
                while ((written = kafka.stats().created()) < items.size()) {
                    if (written > 0 && firstStoredNanos[0] == 0) {
                        firstStoredNanos[0] = System.nanoTime() - start;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + written + " of " + items.size() + " written after 30 min");
                    }
                    Thread.sleep(20);
                }
                post("/" + store.writeAlias() + "/_refresh", "");
                long stored = store.count(FeedbackFilter.ALL);
                if (stored != items.size()) {
                    throw new IllegalStateException(stored + " items visible after the workers created " + written);
                }
                return stored;
            });
            System.out.printf(Locale.ROOT, "  first batch written after %.1f s (group join + first batch); %s%n",
                    firstStoredNanos[0] / 1e9, kafka.stats());
            return r;
        } finally {
            deleteIndices(prefix);
        }
    }

    /** The bus alone: the same backlog consumed by a handler that only counts (what Kafka and the workers cost). */
    Run kafkaBusOnly(List<FeedbackItem> items, String bootstrap, int workers, int partitions, int batchSize,
                     String suffix) throws Exception {
        KafkaBusConfig bus = KafkaBusConfig.defaults(bootstrap).withTopics("bench-bus-" + suffix, "bench-bus-dlq-" + suffix)
                .withGroupId("bench-bus-" + suffix).withWorkers(workers).withPartitions(partitions, (short) 1)
                .withBatchSize(batchSize);
        try (KafkaFeedbackBus kafka = new KafkaFeedbackBus(bus)) {
            List<CompletableFuture<PublishReceipt>> acks = new ArrayList<>();
            for (int i = 0; i < items.size(); i += 1000) {
                acks.add(kafka.publish(items.subList(i, Math.min(items.size(), i + 1000))));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            java.util.concurrent.atomic.AtomicLong counted = new java.util.concurrent.atomic.AtomicLong();
            return Run.measure(String.format(Locale.ROOT, "Kafka bus alone, counting handler (%d workers)", workers),
                    0, brokerPid, () -> {
                        kafka.start(batch -> {
                            counted.addAndGet(batch.size());
                            return new io.koubei.core.bus.HandleResult(
                                    new io.koubei.core.store.UpsertResult(batch.size(), 0), List.of());
                        });
                        while (counted.get() < items.size()) {
                            Thread.sleep(20);
                        }
                        return counted.get();
                    });
        }
    }

    private void bulk(String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(esUrl + "/_bulk"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().substring(0, Math.min(120, r.body().length())).contains("\"errors\":false")) {
            throw new IllegalStateException("bulk failed: " + r.statusCode() + " "
                    + r.body().substring(0, Math.min(500, r.body().length())));
        }
    }

    private void post(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(esUrl + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
    }

    /** Removes a run's indices and template so the next run starts from the same empty node. */
    void deleteIndices(String prefix) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(esUrl + "/" + prefix + "feedback-0*")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        http.send(HttpRequest.newBuilder(URI.create(esUrl + "/_index_template/" + prefix + "feedback")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
