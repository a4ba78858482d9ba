package io.koubei.store.elasticsearch;

import static io.koubei.store.elasticsearch.FeedbackIndexLayout.*;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import io.koubei.core.feedback.AuthorMarks;
import io.koubei.core.feedback.Channel;
import io.koubei.core.store.AuthorStats;
import io.koubei.core.store.FeedbackFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-author figures with native aggregations: one paginated {@code composite} on the author, and per author
 * a one-hit {@code top_hits} for first/last seen, the latest level and the earliest registration (read from the hit's
 * sort value, an exact long, where {@code min}/{@code max} would round epoch nanoseconds through a double, and
 * {@code top_metrics} needs a licensed node), {@code filter} counts for replies and the
 * marks, and the channels as {@code terms}. No document is fetched; see {@link #PAGE} for the cost.
 */
final class AuthorStatsAggregation {
    /**
     * Authors per page. Each author carries at most 14 buckets (itself, six filters, seven channels), so a page stays
     * below max_buckets (65,536). Every page runs the query again over all matching documents (no index sort on the
     * author), so the cost is about (authors / PAGE) passes over the window's documents: large pages matter.
     */
    static final int PAGE = 4000;
    private static final String AUTHORS = "authors";

    private final StoreAggregations.Caller caller;
    private final FeedbackIndexLayout layout;

    private final int pageSize;

    AuthorStatsAggregation(StoreAggregations.Caller caller, FeedbackIndexLayout layout, int pageSize) {
        this.caller = caller;
        this.layout = layout;
        this.pageSize = pageSize;
    }

    List<AuthorStats> read(ElasticsearchClient client, FeedbackFilter filter, AuthorMarks marks) {
        Query base = FilterQueries.of(filter);
        Query withAuthor = Query.of(q -> q.bool(b -> b.filter(base).filter(f -> f.exists(e -> e.field(AUTHOR_ID)))));
        Map<String, Aggregation> subs = subAggregations(marks.key());
        List<NamedValue<CompositeAggregationSource>> sources = List.of(NamedValue.of("a",
                CompositeAggregationSource.of(c -> c.terms(t -> t.field(AUTHOR_ID)))));
        List<AuthorStats> out = new ArrayList<>();
        Map<String, FieldValue> after = null;
        while (true) {
            Map<String, FieldValue> cursor = after;
            Aggregation authors = Aggregation.of(a -> a.composite(c -> {
                c.size(pageSize).sources(sources);
                return cursor == null ? c : c.after(cursor);
            }).aggregations(subs));
            SearchResponse<Void> r = caller.call("author stats", () -> client.search(s -> s.index(layout.readAlias())
                    .query(withAuthor).size(0).trackTotalHits(t -> t.enabled(false)).aggregations(AUTHORS, authors),
                    Void.class));
            CompositeAggregate page = r.aggregations().get(AUTHORS).composite();
            for (CompositeBucket b : page.buckets().array()) {
                out.add(stats(b.key().get("a").stringValue(), b.docCount(), b.aggregations()));
            }
            if (page.buckets().array().size() < pageSize || page.afterKey() == null || page.afterKey().isEmpty()) {
                return out;
            }
            after = page.afterKey();
        }
    }

    private static Map<String, Aggregation> subAggregations(String marksKey) {
        Query marked = term(MARKS_KEY, FieldValue.of(marksKey));
        Map<String, Aggregation> a = new LinkedHashMap<>();
        a.put("first", top(CREATED_AT_NANOS, CREATED_AT_NANOS, SortOrder.Asc));
        a.put("last", top(CREATED_AT_NANOS, CREATED_AT_NANOS, SortOrder.Desc));
        a.put("level", Aggregation.of(x -> x.filter(exists(AUTHOR_LEVEL))
                .aggregations("top", Aggregation.of(y -> y.topHits(t -> t.size(1).source(src -> src.fetch(false))
                        .docvalueFields(f -> f.field(AUTHOR_LEVEL))
                        .sort(SortOptions.of(o -> o.field(f -> f.field(CREATED_AT_NANOS).order(SortOrder.Desc)))))))));
        a.put("registered", Aggregation.of(x -> x.filter(exists(AUTHOR_REGISTERED_NANOS))
                .aggregations("top", top(AUTHOR_REGISTERED_NANOS, AUTHOR_REGISTERED_NANOS, SortOrder.Asc))));
        a.put("replies", Aggregation.of(x -> x.filter(term(REPLY, FieldValue.of(true)))));
        a.put("marked", Aggregation.of(x -> x.filter(marked)));
        a.put("technical", Aggregation.of(x -> x.filter(f -> f.bool(b -> b.filter(marked)
                .filter(term(TECHNICAL, FieldValue.of(true)))))));
        a.put("beta", Aggregation.of(x -> x.filter(f -> f.bool(b -> b.filter(marked).filter(term(BETA, FieldValue.of(true)))))));
        a.put("channels", Aggregation.of(x -> x.terms(t -> t.field(CHANNEL).size(Channel.values().length))));
        return a;
    }

    private static AuthorStats stats(String author, long count, Map<String, Aggregate> a) {
        long marked = a.get("marked").filter().docCount();
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (StringTermsBucket b : a.get("channels").sterms().buckets().array()) {
            Channel.fromWire(b.key().stringValue()).ifPresent(channels::add);
        }
        Long level = levelOf(a.get("level").filter().aggregations().get("top"));
        Long registered = topValue(a.get("registered").filter().aggregations().get("top"), AUTHOR_REGISTERED_NANOS);
        return new AuthorStats(author, count, a.get("replies").filter().docCount(),
                a.get("technical").filter().docCount(), a.get("beta").filter().docCount() > 0,
                AuthorStats.instant(topValue(a.get("first"), CREATED_AT_NANOS)),
                AuthorStats.instant(topValue(a.get("last"), CREATED_AT_NANOS)),
                level == null ? null : Math.toIntExact(level), registered == null ? null : AuthorStats.instant(registered),
                channels, count - marked);
    }

    /** The one document first in {@code order} of {@code sortField}; its sort value is the figure. */
    private static Aggregation top(String field, String sortField, SortOrder order) {
        return Aggregation.of(x -> x.topHits(t -> t.size(1).source(src -> src.fetch(false))
                .sort(SortOptions.of(s -> s.field(f -> f.field(sortField).order(order))))));
    }

    /** The sort value of the single top hit, exact for longs; null when no document has the field. */
    private static Long topValue(Aggregate a, String field) {
        List<Hit<JsonData>> hits = a.topHits().hits().hits();
        if (hits.isEmpty() || hits.get(0).sort().isEmpty()) {
            return null;
        }
        FieldValue v = hits.get(0).sort().get(0);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isLong() ? v.longValue() : new BigDecimal(v._toJsonString()).longValueExact();
    }

    private static Long levelOf(Aggregate a) {
        List<Hit<JsonData>> hits = a.topHits().hits().hits();
        if (hits.isEmpty() || !hits.get(0).fields().containsKey(AUTHOR_LEVEL)) {
            return null;
        }
        String json = hits.get(0).fields().get(AUTHOR_LEVEL).toJson().toString(); // e.g. [5]
        String digits = json.replaceAll("[\\[\\]\\s]", "");
        return digits.isEmpty() ? null : Long.parseLong(digits.split(",")[0]);
    }

    private static Query exists(String field) {
        return Query.of(q -> q.exists(e -> e.field(field)));
    }

    private static Query term(String field, FieldValue value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
