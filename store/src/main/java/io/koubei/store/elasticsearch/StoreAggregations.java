package io.koubei.store.elasticsearch;

import static io.koubei.store.elasticsearch.FeedbackIndexLayout.*;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates with native aggregations only. Group-bys are one paginated {@code composite} aggregation (one terms
 * source per dimension, {@code missing_bucket} for {@link Dimension#NONE}), so no bucket is ever truncated and no
 * response exceeds {@code search.max_buckets}. A multi-valued field puts a document once in each of its distinct
 * values, as the embedded store does. The counts of {@link BucketStats} come from one {@code filters} sub-aggregation,
 * the rating sums from two {@code sum}s over helper fields that exist only for stars / csat ratings.
 */
final class StoreAggregations {
    /** Composite buckets per page; each carries 9 filter buckets, so a page stays far below max_buckets (65k). */
    static final int PAGE = 2000;
    private static final String GROUPS = "groups";
    private static final String COUNTS = "counts";
    private static final String STARS_SUM = "stars_sum";
    private static final String CSAT_SUM = "csat_sum";
    private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final Caller caller;
    private final FeedbackIndexLayout layout;

    interface Caller {
        <T> T call(String what, ElasticsearchFeedbackStore.EsCall<T> request);
    }

    StoreAggregations(Caller caller, FeedbackIndexLayout layout) {
        this.caller = caller;
        this.layout = layout;
    }

    List<Bucket> aggregate(ElasticsearchClient client, AggregateQuery query) {
        Query filter = FilterQueries.of(query.filter());
        if (query.groupBy().isEmpty()) {
            SearchResponse<Void> r = caller.call("aggregate", () -> client.search(s -> s.index(layout.readAlias())
                    .query(filter).size(0).trackTotalHits(t -> t.enabled(true)).aggregations(statsAggregations()),
                    Void.class));
            long count = r.hits().total().value();
            BucketStats stats = count == 0 ? BucketStats.ZERO : stats(count, r.aggregations());
            return List.of(new Bucket(List.of(), stats));
        }
        List<NamedValue<CompositeAggregationSource>> sources = new ArrayList<>();
        for (int i = 0; i < query.groupBy().size(); i++) {
            String field = field(query.groupBy().get(i));
            sources.add(NamedValue.of("d" + i, CompositeAggregationSource.of(c -> c.terms(t -> t.field(field)
                    .missingBucket(true)))));
        }
        List<Bucket> buckets = new ArrayList<>();
        Map<String, FieldValue> after = null;
        while (true) {
            Map<String, FieldValue> cursor = after;
            Aggregation groups = Aggregation.of(a -> a.composite(c -> {
                c.size(PAGE).sources(sources);
                return cursor == null ? c : c.after(cursor);
            }).aggregations(statsAggregations()));
            SearchResponse<Void> r = caller.call("aggregate", () -> client.search(s -> s.index(layout.readAlias())
                    .query(filter).size(0).trackTotalHits(t -> t.enabled(false)).aggregations(GROUPS, groups),
                    Void.class));
            CompositeAggregate page = r.aggregations().get(GROUPS).composite();
            for (CompositeBucket b : page.buckets().array()) {
                List<String> key = new ArrayList<>(sources.size());
                for (int i = 0; i < sources.size(); i++) {
                    FieldValue v = b.key().get("d" + i);
                    key.add(v == null || v.isNull() ? Dimension.NONE : v._toJsonString());
                }
                buckets.add(new Bucket(key, stats(b.docCount(), b.aggregations())));
            }
            if (page.buckets().array().size() < PAGE || page.afterKey() == null || page.afterKey().isEmpty()) {
                break;
            }
            after = page.afterKey();
        }
        // composite orders by UTF-8 bytes with nulls first; the contract orders by Java string order
        buckets.sort(Comparator.comparing(Bucket::key, KEY_ORDER));
        return buckets;
    }

    private static Map<String, Aggregation> statsAggregations() {
        Map<String, Query> counts = new LinkedHashMap<>();
        counts.put("positive", term(POLARITY, "positive"));
        counts.put("neutral", term(POLARITY, "neutral"));
        counts.put("negative", term(POLARITY, "negative"));
        counts.put("promoter", term(NPS_CLASS, "promoter"));
        counts.put("passive", term(NPS_CLASS, "passive"));
        counts.put("detractor", term(NPS_CLASS, "detractor"));
        counts.put("stars", Query.of(q -> q.exists(e -> e.field(STARS_VALUE))));
        counts.put("csat", Query.of(q -> q.exists(e -> e.field(CSAT_VALUE))));
        counts.put("csat_satisfied", Query.of(q -> q.range(r -> r.number(n -> n.field(CSAT_VALUE).gte(4.0)))));
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put(COUNTS, Aggregation.of(a -> a.filters(f -> f.filters(b -> b.keyed(counts)))));
        aggs.put(STARS_SUM, Aggregation.of(a -> a.sum(s -> s.field(STARS_VALUE))));
        aggs.put(CSAT_SUM, Aggregation.of(a -> a.sum(s -> s.field(CSAT_VALUE))));
        return aggs;
    }

    private static BucketStats stats(long count, Map<String, Aggregate> aggs) {
        Map<String, FiltersBucket> c = aggs.get(COUNTS).filters().buckets().keyed();
        return new BucketStats(count,
                c.get("positive").docCount(), c.get("neutral").docCount(), c.get("negative").docCount(),
                c.get("promoter").docCount(), c.get("passive").docCount(), c.get("detractor").docCount(),
                c.get("stars").docCount(), sum(aggs.get(STARS_SUM)),
                c.get("csat").docCount(), sum(aggs.get(CSAT_SUM)), c.get("csat_satisfied").docCount());
    }

    private static double sum(Aggregate a) {
        return a.sum().value();
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
