package io.koubei.store.bench;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.SearchQuery;
import io.koubei.store.FeedbackFixtures;
import io.koubei.store.elasticsearch.ElasticsearchFeedbackStore;
import io.koubei.store.elasticsearch.ElasticsearchStoreConfig;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Not a test: the same synthetic items and reads as {@link LuceneStoreBench}, on Elasticsearch, so the two stores
 * compare. Usage: {@code ElasticsearchStoreBench [N=200000] [url (default: start a node under target/es-nodes/bench)]
 * [batch=5000]}; an existing non-empty index (prefix {@code bench-}) is reused.
 */
public final class ElasticsearchStoreBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        String url = args.length > 1 && !args[1].equals("-") ? args[1] : null;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        ElasticsearchNode node = null;
        if (url == null) {
            node = ElasticsearchNode.create("bench", ElasticsearchNode.freePort());
            node.start();
            url = node.url();
        }
        try (var store = new ElasticsearchFeedbackStore(ElasticsearchStoreConfig.of(url, "bench-"))) {
            long existing = store.count(FeedbackFilter.ALL);
            if (existing == 0) {
                long t0 = System.nanoTime();
                Random r = new Random(1);
                for (int i = 0; i < n; i += batch) {
                    List<AnalyzedFeedback> items = new ArrayList<>(batch);
                    for (int j = i; j < Math.min(n, i + batch); j++) {
                        items.add(LuceneStoreBench.synthetic(j, r));
                    }
                    store.upsert(items);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("indexed %,d items in %.1f s (%.0f items/s, batches of %d, refresh=wait_for)%n",
                        n, s, n / s, batch);
            } else {
                System.out.printf("reusing %,d items at %s%n", existing, url);
            }
            System.out.println(store.check());
            FeedbackFilter weighted = FeedbackFilter.builder().excludeFlags(Set.of(FeedbackFixtures.ASTROTURF)).build();
            time("overview week x channel (all)", () -> store.aggregate(
                    new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.WEEK, Dimension.CHANNEL))));
            time("overview week x channel (excl. astroturf)", () -> store.aggregate(
                    new AggregateQuery(weighted, List.of(Dimension.WEEK, Dimension.CHANNEL))));
            time("aspect x aspect polarity", () -> store.aggregate(
                    new AggregateQuery(weighted, List.of(Dimension.ASPECT, Dimension.ASPECT_POLARITY))));
            time("day x author (many buckets)", () -> store.aggregate(
                    new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.DAY, Dimension.AUTHOR))));
            time("search newest 20", () -> store.search(new SearchQuery(FeedbackFilter.ALL, 0, 20)));
            time("count excl. astroturf", () -> store.count(weighted));
        } finally {
            if (node != null) {
                node.stop();
            }
        }
    }

    private static void time(String name, Supplier<?> op) {
        for (int i = 0; i < 3; i++) {
            op.get();
        }
        int runs = 15;
        long[] wall = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            op.get();
            wall[i] = System.nanoTime() - t0;
        }
        Arrays.sort(wall);
        System.out.printf("%-45s p50 %7.1f ms  p95 %7.1f ms%n", name, wall[runs / 2] / 1e6, wall[(int) (runs * 0.95)] / 1e6);
    }
}
