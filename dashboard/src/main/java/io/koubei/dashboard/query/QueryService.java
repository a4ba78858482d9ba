package io.koubei.dashboard.query;

import io.koubei.analysis.FeedbackAnalyzer;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.SearchPage;
import io.koubei.core.store.SearchQuery;
import io.koubei.core.time.CalendarKeys;
import java.util.ArrayList;
import java.util.List;

/** Search, aggregates and the overview, over whichever store is configured. */
public class QueryService {
    private final FeedbackStore store;
    private final FeedbackAnalyzer analyzer;
    private final CalendarKeys calendar;
    private final int minimumN;

    public QueryService(FeedbackStore store, FeedbackAnalyzer analyzer, CalendarKeys calendar, int minimumN) {
        this.store = store;
        this.analyzer = analyzer;
        this.calendar = calendar;
        this.minimumN = minimumN;
    }

    public record SearchResponse(long total, int offset, int limit, List<String> terms, List<ItemView> items) {
    }

    public record BucketView(List<String> key, MetricsView metrics, String items) {
    }

    public record AggregateResponse(List<String> groupBy, MetricsView total, List<BucketView> buckets) {
    }

    public record Overview(MetricsView total, List<BucketView> byWeek, List<BucketView> byWeekAndChannel,
            List<BucketView> byChannel, List<ItemView> latestNegative, String negativeItems) {
    }

    public FeedbackFilter filter(FilterParams params) {
        return params.toFilter(calendar.zone(), analyzer);
    }

    public SearchResponse search(FilterParams params, int offset, int limit) {
        FeedbackFilter filter = filter(params);
        SearchPage page = store.search(new SearchQuery(filter, offset, limit));
        List<ItemView> items = page.items().stream().map(f -> ItemView.of(f, filter.terms())).toList();
        return new SearchResponse(page.total(), offset, limit, filter.terms(), items);
    }

    public AggregateResponse aggregate(FilterParams params, List<Dimension> groupBy) {
        FeedbackFilter filter = filter(params);
        List<Bucket> buckets = store.aggregate(new AggregateQuery(filter, groupBy));
        List<Bucket> all = store.aggregate(new AggregateQuery(filter, List.of()));
        return new AggregateResponse(groupBy.stream().map(Dimension::wireName).toList(),
                MetricsView.of(all.isEmpty() ? io.koubei.core.store.BucketStats.ZERO : all.get(0).stats(), minimumN),
                views(params, groupBy, buckets));
    }

    /**
     * One aggregate (week × channel) and one search. Week and channel are single-valued, so every item is in exactly
     * one week × channel bucket: the weeks, the channels and the total are sums of those buckets, not three more
     * passes over the store (at a million items that was most of the overview's time).
     */
    public Overview overview(FilterParams params) {
        FeedbackFilter filter = filter(params);
        List<Bucket> weekChannel = store.aggregate(new AggregateQuery(filter, List.of(Dimension.WEEK, Dimension.CHANNEL)));
        java.util.TreeMap<String, BucketStats> weeks = new java.util.TreeMap<>();
        java.util.TreeMap<String, BucketStats> channels = new java.util.TreeMap<>();
        BucketStats total = BucketStats.ZERO;
        for (Bucket b : weekChannel) {
            weeks.merge(b.key().get(0), b.stats(), BucketStats::plus);
            channels.merge(b.key().get(1), b.stats(), BucketStats::plus);
            total = total.plus(b.stats());
        }
        FilterParams negative = params.with("polarity", Polarity.NEGATIVE.wireName());
        SearchResponse latest = search(negative, 0, 10);
        return new Overview(MetricsView.of(total, minimumN), views(params, List.of(Dimension.WEEK), buckets(weeks)),
                views(params, List.of(Dimension.WEEK, Dimension.CHANNEL), weekChannel),
                views(params, List.of(Dimension.CHANNEL), buckets(channels)), latest.items(),
                "/api/v1/search?" + negative.toQueryString());
    }

    /** Buckets in key order (Java string order, as the stores sort them). */
    private static List<Bucket> buckets(java.util.SortedMap<String, BucketStats> byKey) {
        List<Bucket> out = new ArrayList<>(byKey.size());
        byKey.forEach((k, v) -> out.add(new Bucket(List.of(k), v)));
        return out;
    }

    private List<BucketView> views(FilterParams params, List<Dimension> groupBy, List<Bucket> buckets) {
        List<BucketView> out = new ArrayList<>(buckets.size());
        for (Bucket b : buckets) {
            FilterParams narrowed = params;
            for (int i = 0; i < groupBy.size(); i++) {
                narrowed = narrowed.with(groupBy.get(i), b.key().get(i));
            }
            out.add(new BucketView(b.key(), MetricsView.of(b.stats(), minimumN), "/api/v1/search?" + narrowed.toQueryString()));
        }
        return out;
    }

    public FeedbackStore store() {
        return store;
    }

    public int minimumN() {
        return minimumN;
    }
}
