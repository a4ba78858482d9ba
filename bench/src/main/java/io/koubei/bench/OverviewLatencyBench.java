package io.koubei.bench;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.SearchQuery;
import io.koubei.ingest.demo.DemoDataGenerator;
import io.koubei.ingest.demo.DemoOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Read latency at scale: both stores filled with the same analysed demo items (about a million over 52 weeks),
 * then the dashboard's reads timed alternately on each store, so both see the same machine load. Elasticsearch's
 * shard request cache would answer a repeated aggregation from memory; under continuous ingestion every refresh
 * invalidates it, so it is cleared before each timed Elasticsearch call (outside the timing), and the cached
 * figure is reported apart.
 */
final class OverviewLatencyBench {
    static final int WARMUP = 5;
    static final int RUNS = 30;

    private final FeedbackStore lucene;
    private final FeedbackStore elasticsearch;
    private final String esUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    /** One timed read: p50 and p95 in milliseconds per store. */
    record Latency(String read, double luceneP50, double luceneP95, double esP50, double esP95, double esCachedP50) {
        String describe() {
            return String.format(Locale.ROOT, "%-52s Lucene p50 %7.1f p95 %7.1f ms | ES p50 %7.1f p95 %7.1f ms (cached p50 %.1f)",
                    read, luceneP50, luceneP95, esP50, esP95, esCachedP50);
        }
    }

    OverviewLatencyBench(FeedbackStore lucene, FeedbackStore elasticsearch, String esUrl) {
        this.lucene = lucene;
        this.elasticsearch = elasticsearch;
        this.esUrl = esUrl;
    }

    /** Generates, analyses (on {@code threads} threads) and upserts in batches of 10,000 into both stores. */
    long fill(DemoOptions options, int threads) {
        List<FeedbackItem> all = new DemoDataGenerator(options).generate().toList();
        long t0 = System.nanoTime();
        double luceneSeconds = 0;
        double esSeconds = 0;
        int batch = 10_000;
        for (int i = 0; i < all.size(); i += batch) {
            List<AnalyzedFeedback> analysed = BenchCorpus.analyse(all.subList(i, Math.min(all.size(), i + batch)), threads);
            long a = System.nanoTime();
            lucene.upsert(analysed);
            long b = System.nanoTime();
            elasticsearch.upsert(analysed);
            luceneSeconds += (b - a) / 1e9;
            esSeconds += (System.nanoTime() - b) / 1e9;
            if ((i / batch) % 10 == 0) {
                System.out.printf(Locale.ROOT, "  filled %,d of %,d (%.0f s)%n", i + analysed.size(), all.size(),
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "filled both stores with %,d items in %.0f s (upserts: Lucene %.0f s, ES %.0f s, "
                + "batches of %,d)%n", all.size(), (System.nanoTime() - t0) / 1e9, luceneSeconds, esSeconds, batch);
        long inLucene = lucene.count(FeedbackFilter.ALL);
        long inEs = elasticsearch.count(FeedbackFilter.ALL);
        if (inLucene != all.size() || inEs != all.size()) {
            throw new IllegalStateException("stores disagree: Lucene " + inLucene + ", ES " + inEs + ", items " + all.size());
        }
        return all.size();
    }

    /** The reads: first the overview page exactly as QueryService.overview issues it, then single reads. */
    List<Latency> measure() throws Exception {
        Map<String, java.util.function.Function<FeedbackStore, Object>> reads = new LinkedHashMap<>();
        reads.put("overview before (7 store calls: 3 group-bys, 3 totals, 1 search)", OverviewLatencyBench::overviewBefore);
        reads.put("overview (GET /api/v1/overview: week × channel + search)", OverviewLatencyBench::overview);
        FeedbackFilter weighted = FeedbackFilter.builder().excludeFlags(Set.of("astroturf")).build();
        reads.put("aggregate week × channel", s -> s.aggregate(
                new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.WEEK, Dimension.CHANNEL))));
        reads.put("aggregate week × channel, excluding astroturf", s -> s.aggregate(
                new AggregateQuery(weighted, List.of(Dimension.WEEK, Dimension.CHANNEL))));
        reads.put("aggregate aspect:polarity of one product", s -> s.aggregate(new AggregateQuery(
                FeedbackFilter.builder().products(Set.of("nova-x1")).build(), List.of(Dimension.ASPECT_POLARITY))));
        reads.put("aggregate week × flag × channel", s -> s.aggregate(new AggregateQuery(FeedbackFilter.ALL,
                List.of(Dimension.WEEK, Dimension.FLAG, Dimension.CHANNEL))));
        reads.put("search newest 20 containing 续航, exact total", s -> s.search(new SearchQuery(
                FeedbackFilter.builder().terms(List.of("续航")).build(), 0, 20)));
        reads.put("count negative reviews", s -> s.count(FeedbackFilter.builder()
                .channels(Set.of(Channel.REVIEW)).polarities(Set.of(Polarity.NEGATIVE)).build()));
        List<Latency> out = new ArrayList<>();
        for (var e : reads.entrySet()) {
            Latency l = time(e.getKey(), e.getValue());
            System.out.println(l.describe());
            out.add(l);
        }
        return out;
    }

    /** What QueryService.overview asks the store for: week × channel (weeks, channels, total are its sums), the latest 10 negative items. */
    static Object overview(FeedbackStore s) {
        return List.of(s.aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.WEEK, Dimension.CHANNEL))),
                s.search(new SearchQuery(FeedbackFilter.builder().polarities(Set.of(Polarity.NEGATIVE)).build(), 0, 10)));
    }

    /** What QueryService.overview asked before: by week, week × channel, by channel (each with its total), the search. */
    static Object overviewBefore(FeedbackStore s) {
        List<Object> out = new ArrayList<>();
        for (List<Dimension> dims : List.of(List.of(Dimension.WEEK), List.of(Dimension.WEEK, Dimension.CHANNEL),
                List.of(Dimension.CHANNEL))) {
            out.add(s.aggregate(new AggregateQuery(FeedbackFilter.ALL, dims)));
            out.add(s.aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of())));
        }
        out.add(s.search(new SearchQuery(FeedbackFilter.builder().polarities(Set.of(Polarity.NEGATIVE)).build(), 0, 10)));
        return out;
    }

    private Latency time(String name, java.util.function.Function<FeedbackStore, Object> read) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            read.apply(lucene);
            read.apply(elasticsearch);
        }
        long[] l = new long[RUNS];
        long[] e = new long[RUNS];
        long[] cached = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            l[i] = nanos(() -> read.apply(lucene));
            clearRequestCache();
            e[i] = nanos(() -> read.apply(elasticsearch));
            cached[i] = nanos(() -> read.apply(elasticsearch));
        }
        return new Latency(name, p(l, 50), p(l, 95), p(e, 50), p(e, 95), p(cached, 50));
    }

    private void clearRequestCache() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(esUrl + "/_cache/clear?request=true"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static long nanos(Supplier<Object> op) {
        long t0 = System.nanoTime();
        op.get();
        return System.nanoTime() - t0;
    }

    private static double p(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int idx = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }
}
