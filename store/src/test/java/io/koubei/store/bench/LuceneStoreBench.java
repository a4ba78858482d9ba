package io.koubei.store.bench;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.SearchQuery;
import io.koubei.store.FeedbackFixtures;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Not a test: fills an embedded store with N synthetic items (26 weeks, all channels) and times the dashboard's
 * typical reads. Usage: {@code LuceneStoreBench [N=1000000] [dir=temp] [batch=5000]}; an existing non-empty dir
 * is reused as is (so a second run measures reads only).
 */
public final class LuceneStoreBench {
    private static final String[] SOURCES = {"forum", "weibo", "zhihu", "bilibili", "appstore", "jd", "nps", "zendesk"};
    private static final String[] PRODUCTS = {"phone", "watch", "earbuds", "tablet"};
    private static final String[] ASPECTS = {"battery", "screen", "price", "service", "camera", "lag", "heat", "logistics"};
    private static final String[] WORDS = {"续航", "屏幕", "好", "差", "客服", "价格", "贵", "拍照", "清晰", "卡顿", "发热", "物流"};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("koubei-bench");
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir)) {
            long existing = store.count(FeedbackFilter.ALL);
            if (existing == 0) {
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                Random r = new Random(1);
                for (int i = 0; i < n; i += batch) {
                    List<AnalyzedFeedback> items = new ArrayList<>(batch);
                    for (int j = i; j < Math.min(n, i + batch); j++) {
                        items.add(synthetic(j, r));
                    }
                    store.upsert(items);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (processCpuNanos() - cpu0) / 1e9;
                System.out.printf("indexed %,d items in %.1f s wall, %.1f s process CPU (all threads, incl. merges);"
                        + " %.0f items/s, batches of %d, commit each%n", n, s, cpu, n / s, batch);
            } else {
                System.out.printf("reusing %,d items in %s%n", existing, dir);
            }
            System.out.println(store.check());
            FeedbackFilter weighted = FeedbackFilter.builder().excludeFlags(Set.of(FeedbackFixtures.ASTROTURF)).build();
            time("overview week x channel (all)", () -> store.aggregate(
                    new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.WEEK, Dimension.CHANNEL))));
            time("overview week x channel (excl. astroturf)", () -> store.aggregate(
                    new AggregateQuery(weighted, List.of(Dimension.WEEK, Dimension.CHANNEL))));
            time("aspect x polarity, one product", () -> store.aggregate(new AggregateQuery(
                    FeedbackFilter.builder().product("phone").build(), List.of(Dimension.ASPECT_POLARITY))));
            time("week x flag x channel", () -> store.aggregate(
                    new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.WEEK, Dimension.FLAG, Dimension.CHANNEL))));
            time("search newest 20, term 续航", () -> store.search(new SearchQuery(
                    FeedbackFilter.builder().terms(List.of("续航")).build(), 0, 20)));
            time("count negative reviews", () -> store.count(
                    FeedbackFilter.builder().channel(Channel.REVIEW).polarity(Polarity.NEGATIVE).build()));
        }
    }

    static AnalyzedFeedback synthetic(int i, Random r) {
        var b = FeedbackFixtures.item(String.format("b-%08d", i))
                .channel(Channel.values()[r.nextInt(Channel.values().length)])
                .source(SOURCES[r.nextInt(SOURCES.length)])
                .afterBase(Duration.ofSeconds(r.nextInt(26 * 7 * 86_400)).minus(Duration.ofDays(26 * 7)))
                .product(PRODUCTS[r.nextInt(PRODUCTS.length)])
                .polarity(Polarity.values()[r.nextInt(3)]);
        if (r.nextInt(10) > 1) {
            b.author("u" + r.nextInt(50_000));
        }
        switch (r.nextInt(4)) {
            case 0 -> b.rating(RatingScale.NPS, r.nextInt(11));
            case 1 -> b.rating(RatingScale.STARS, 1 + r.nextInt(5));
            case 2 -> b.rating(RatingScale.CSAT, 1 + r.nextInt(5));
            default -> { }
        }
        for (int k = r.nextInt(3); k > 0; k--) {
            b.aspect(ASPECTS[r.nextInt(ASPECTS.length)], Polarity.values()[r.nextInt(3)]);
        }
        if (r.nextInt(20) == 0) {
            b.flags(FeedbackFixtures.ASTROTURF);
        }
        String[] tokens = new String[3 + r.nextInt(10)];
        for (int k = 0; k < tokens.length; k++) {
            tokens[k] = WORDS[r.nextInt(WORDS.length)];
        }
        return b.tokens(tokens).text(String.join("", Arrays.asList(tokens))).build();
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static void time(String name, Supplier<?> op) {
        for (int i = 0; i < 5; i++) {
            op.get();
        }
        int runs = 30;
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            op.get();
            wall[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        // CPU time too: on a shared machine wall time mostly measures the neighbours
        System.out.printf("%-45s wall p50 %7.1f p95 %7.1f ms | cpu p50 %7.1f p95 %7.1f ms%n", name,
                wall[runs / 2] / 1e6, wall[(int) (runs * 0.95)] / 1e6, cpu[runs / 2] / 1e6, cpu[(int) (runs * 0.95)] / 1e6);
    }
}
