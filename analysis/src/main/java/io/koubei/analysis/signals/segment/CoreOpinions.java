package io.koubei.analysis.signals.segment;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.SampleText;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.SearchQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The core users' top opinion points from the store's counts ({@link OpinionPointRanking#rank(BucketTable,
 * BucketTable, Instant, ZoneId)}), with an example sentence read for each point shown: the page reads a few items,
 * not every core item of the window.
 *
 * <p>Stores group by at most three dimensions, and the ranking needs four (day or author, aspect:polarity,
 * product, version): the tables are asked per product, and the items without a product are what the unfiltered table
 * holds beyond the products' tables.
 */
public final class CoreOpinions {
    private static final int EXAMPLES_READ = 3;

    private CoreOpinions() {
    }

    /** The best {@code limit} opinion points of {@code coreItems} (items up to {@code asOf}), each with an example. */
    public static List<RankedOpinion> top(FeedbackStore store, FeedbackFilter coreItems, Instant asOf, ZoneId zone,
            OpinionPointRanking ranking, int limit) {
        FeedbackFilter upTo = upTo(coreItems, asOf);
        List<RankedOpinion> out = new ArrayList<>();
        for (RankedOpinion o : ranked(store, upTo, asOf, zone, ranking)) {
            if (out.size() == limit) {
                break;
            }
            out.add(withExample(store, upTo, o));
        }
        return out;
    }

    /** Every opinion point of {@code coreItems} up to {@code asOf}, best first, without examples. */
    public static List<RankedOpinion> ranked(FeedbackStore store, FeedbackFilter coreItems, Instant asOf, ZoneId zone,
            OpinionPointRanking ranking) {
        FeedbackFilter upTo = upTo(coreItems, asOf);
        BucketTable byDay = byProduct(store, upTo, List.of(Dimension.DAY, Dimension.ASPECT_POLARITY,
                Dimension.PRODUCT_VERSION));
        BucketTable byAuthor = byProduct(store, upTo, List.of(Dimension.ASPECT_POLARITY, Dimension.PRODUCT_VERSION,
                Dimension.AUTHOR));
        return ranking.rank(byDay, byAuthor, asOf, zone);
    }

    /** Items created at or before {@code asOf} (the filter's end is exclusive). */
    private static FeedbackFilter upTo(FeedbackFilter f, Instant asOf) {
        Instant end = asOf.plusNanos(1);
        return f.to() == null || f.to().isAfter(end) ? f.toBuilder().to(end).build() : f;
    }

    /** The point with its newest example sentence (masked and shortened as every sample is). */
    private static RankedOpinion withExample(FeedbackStore store, FeedbackFilter items, RankedOpinion o) {
        FeedbackFilter.Builder f = items.toBuilder()
                .aspectPolarities(Set.of(o.aspect() + ":" + o.polarity().wireName()));
        if (o.product() != null) {
            f.products(Set.of(o.product()));
        }
        if (o.version() != null) {
            f.productVersions(Set.of(o.version()));
        }
        List<String> snippets = new ArrayList<>();
        for (AnalyzedFeedback item : store.search(new SearchQuery(f.build(), 0, EXAMPLES_READ * 4)).items()) {
            boolean sameProduct = java.util.Objects.equals(item.item().product(), o.product())
                    && java.util.Objects.equals(item.item().productVersion(), o.version());
            if (!sameProduct) {
                continue; // an item without a product or version, when the point has none
            }
            for (OpinionPoint p : item.analysis().opinions()) {
                if (o.aspect().equals(p.aspect()) && o.polarity() == p.polarity()) {
                    String s = SampleText.of(p.snippet() == null ? item.item().text() : p.snippet());
                    if (!snippets.contains(s)) {
                        snippets.add(s);
                    }
                    break;
                }
            }
            if (snippets.size() == EXAMPLES_READ) {
                break;
            }
        }
        return new RankedOpinion(o.aspect(), o.polarity(), o.product(), o.version(), o.mentions(), o.authors(),
                o.firstSeen(), o.lastSeen(), o.score(), snippets, o.itemIds());
    }

    /**
     * {@code dims} (up to two) plus PRODUCT: one table per product; items without a product are the unfiltered
     * table's counts beyond the named products' (counts add up, so the difference is exact).
     */
    static BucketTable byProduct(FeedbackStore store, FeedbackFilter filter, List<Dimension> dims) {
        List<Dimension> groupBy = new ArrayList<>(dims);
        groupBy.add(Dimension.PRODUCT);
        List<Bucket> products = store.aggregate(new AggregateQuery(filter, List.of(Dimension.PRODUCT)));
        List<Bucket> out = new ArrayList<>();
        Map<List<String>, BucketStats> named = new LinkedHashMap<>();
        boolean none = false;
        for (Bucket p : products) {
            String product = p.key().get(0);
            if (Dimension.NONE.equals(product)) {
                none = true;
                continue;
            }
            for (Bucket b : store.aggregate(new AggregateQuery(filter.toBuilder().products(Set.of(product)).build(), dims))) {
                out.add(new Bucket(with(b.key(), product), b.stats()));
                named.merge(b.key(), b.stats(), BucketStats::plus);
            }
        }
        if (none) {
            for (Bucket b : store.aggregate(new AggregateQuery(filter, dims))) {
                BucketStats rest = b.stats().minus(named.getOrDefault(b.key(), BucketStats.ZERO));
                if (rest.count() > 0) {
                    out.add(new Bucket(with(b.key(), Dimension.NONE), rest));
                }
            }
        }
        return BucketTable.of(groupBy, out);
    }

    private static List<String> with(List<String> key, String product) {
        List<String> k = new ArrayList<>(key);
        k.add(product);
        return k;
    }
}
