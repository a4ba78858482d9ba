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
import io.koubei.core.store.BucketStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Search, aggregates and the overview, over whichever store is configured. */
public class QueryService {
    private final FeedbackStore store;
    private final FeedbackAnalyzer analyzer;
    private final CalendarKeys calendar;
    private final int minimumN;

    private final ReadCache cache;

    public QueryService(FeedbackStore store, FeedbackAnalyzer analyzer, CalendarKeys calendar, int minimumN) {
        this(store, analyzer, calendar, minimumN, new ReadCache(0, Duration.ZERO, () -> 0));
    }

    public QueryService(FeedbackStore store, FeedbackAnalyzer analyzer, CalendarKeys calendar, int minimumN,
            ReadCache cache) {
        this.store = store;
        this.analyzer = analyzer;
        this.calendar = calendar;
        this.minimumN = minimumN;
        this.cache = cache;
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
        FeedbackFilter f = params.toFilter(calendar.zone(), analyzer);
        String theme = params.first("theme");
        if (theme != null && themes != null) {
            // theme=<id>: the items among the others' matches with an opinion on that discovered theme
            java.util.Set<String> ids = new java.util.LinkedHashSet<>(themes.itemIds(f, theme));
            if (ids.isEmpty()) {
                ids.add("\u0000no-item"); // an empty id set would mean "any item"
            }
            f = f.toBuilder().ids(ids).build();
        }
        return f;
    }

    private volatile io.koubei.dashboard.themes.ThemeService themes;

    /** Lets {@code theme=<id>} filter searches, counts and aggregates (themes/ wires it). */
    public void useThemes(io.koubei.dashboard.themes.ThemeService service) {
        this.themes = service;
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
        // single-valued dimensions put every item in exactly one bucket: the total is their sum, no second query
        BucketStats total = groupBy.stream().anyMatch(MULTI_VALUED::contains)
                ? totalOf(store.aggregate(new AggregateQuery(filter, List.of())))
                : totalOf(buckets);
        return new AggregateResponse(groupBy.stream().map(Dimension::wireName).toList(), MetricsView.of(total, minimumN),
                views(params, groupBy, buckets));
    }

    /**
     * One WEEK × CHANNEL aggregate gives the week, channel and total views (sums of its cells), plus the newest
     * negative items: two store round trips. Cached per filter until the next write.
     */
    public Overview overview(FilterParams params) {
        FeedbackFilter filter = filter(params);
        return cache.get(List.of("overview", filter, params.toQueryString()), () -> computeOverview(params, filter));
    }

    private Overview computeOverview(FilterParams params, FeedbackFilter filter) {
        List<Dimension> weekChannel = List.of(Dimension.WEEK, Dimension.CHANNEL);
        List<Bucket> cells = store.aggregate(new AggregateQuery(filter, weekChannel));
        Map<String, BucketStats> weeks = new TreeMap<>();
        Map<String, BucketStats> channels = new TreeMap<>();
        for (Bucket b : cells) {
            weeks.merge(b.key().get(0), b.stats(), BucketStats::plus);
            channels.merge(b.key().get(1), b.stats(), BucketStats::plus);
        }
        FilterParams negative = params.with("polarity", Polarity.NEGATIVE.wireName());
        SearchResponse latest = search(negative, 0, 10);
        return new Overview(MetricsView.of(totalOf(cells), minimumN),
                views(params, List.of(Dimension.WEEK), buckets(weeks)), views(params, weekChannel, cells),
                views(params, List.of(Dimension.CHANNEL), buckets(channels)), latest.items(),
                "/api/v1/search?" + negative.toQueryString());
    }

    private static final Set<Dimension> MULTI_VALUED = Set.of(Dimension.ASPECT, Dimension.ASPECT_POLARITY, Dimension.FLAG);

    private static BucketStats totalOf(List<Bucket> buckets) {
        BucketStats t = BucketStats.ZERO;
        for (Bucket b : buckets) {
            t = t.plus(b.stats());
        }
        return t;
    }

    private static List<Bucket> buckets(Map<String, BucketStats> byKey) {
        return byKey.entrySet().stream().map(e -> new Bucket(List.of(e.getKey()), e.getValue())).toList();
    }

    /** Cached reads for other views of this service's store (facet values): same invalidation as the overview. */
    public <T> T cached(Object key, java.util.function.Supplier<T> compute) {
        return cache.get(key, compute);
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
