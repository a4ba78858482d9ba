package io.koubei.dashboard.web;

import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.dashboard.platform.ReloadableAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The values the filter bar offers, taken from the data (products, sources, weeks, aspects seen) and the taxonomy
 * (aspects in its order first). Recomputed at most once a minute: a new product appears in the menu within a minute
 * of its first item, and page loads during an import do not each pay three aggregates over the whole store.
 */
@Component
public class FilterOptions {
    private static final long MAX_AGE_NANOS = 60_000_000_000L;

    public record Values(List<String> products, List<String> sources, List<String> aspects, List<String> weeks) {
    }

    private final FeedbackStore store;
    private final ReloadableAnalyzer analyzer;
    private volatile Values values;
    private volatile long computedAt;
    private volatile Object taxonomy;

    public FilterOptions(FeedbackStore store, ReloadableAnalyzer analyzer) {
        this.store = store;
        this.analyzer = analyzer;
    }

    public Values values() {
        Values v = values;
        Object tax = analyzer.current().resources().taxonomy();
        if (v == null || System.nanoTime() - computedAt > MAX_AGE_NANOS || tax != taxonomy) {
            v = compute();
            values = v;
            computedAt = System.nanoTime();
            taxonomy = tax;
        }
        return v;
    }

    /** Forget the cached values (after settings or imports that should show at once). */
    public void refresh() {
        values = null;
    }

    private Values compute() {
        List<String> products = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Set<String> seenProducts = new LinkedHashSet<>();
        Set<String> seenSources = new LinkedHashSet<>();
        for (Bucket b : store.aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.PRODUCT, Dimension.SOURCE)))) {
            seenProducts.add(b.key().get(0));
            seenSources.add(b.key().get(1));
        }
        seenProducts.stream().filter(k -> !Dimension.NONE.equals(k)).sorted().forEach(products::add);
        seenSources.stream().filter(k -> !Dimension.NONE.equals(k)).sorted().forEach(sources::add);
        Set<String> aspects = new LinkedHashSet<>(analyzer.current().resources().taxonomy().ids());
        keys(Dimension.ASPECT).forEach(aspects::add);
        return new Values(List.copyOf(products), List.copyOf(sources), List.copyOf(aspects), keys(Dimension.WEEK));
    }

    private List<String> keys(Dimension d) {
        return store.aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of(d))).stream()
                .map(b -> b.key().get(0)).filter(k -> !Dimension.NONE.equals(k)).toList();
    }
}
