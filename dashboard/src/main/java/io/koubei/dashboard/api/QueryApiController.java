package io.koubei.dashboard.api;

import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.SearchQuery;
import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.query.ItemView;
import io.koubei.dashboard.query.QueryService;
import io.koubei.dashboard.thisweek.ThisWeekService;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read side of the JSON API (docs/api.md). Every aggregate bucket links to the items behind it. */
@RestController
@RequestMapping("/api/v1")
public class QueryApiController {
    private final QueryService queries;
    private final ThisWeekService thisWeek;

    public QueryApiController(QueryService queries, ThisWeekService thisWeek) {
        this.queries = queries;
        this.thisWeek = thisWeek;
    }

    @GetMapping("/search")
    public QueryService.SearchResponse search(@RequestParam MultiValueMap<String, String> params,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit) {
        if (limit > SearchQuery.MAX_LIMIT || limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit must be 0.." + SearchQuery.MAX_LIMIT + " and offset >= 0");
        }
        return queries.search(FilterParams.of(params), offset, limit);
    }

    @GetMapping("/aggregates")
    public QueryService.AggregateResponse aggregates(@RequestParam MultiValueMap<String, String> params,
            @RequestParam(defaultValue = "week") String groupBy) {
        List<Dimension> dims = groupBy.isBlank() ? List.of() : Arrays.stream(groupBy.split(","))
                .map(String::trim).map(QueryApiController::dimension).toList();
        return queries.aggregate(FilterParams.of(params), dims);
    }

    @GetMapping("/overview")
    public OverviewResponse overview(@RequestParam MultiValueMap<String, String> params, Locale locale) {
        FilterParams p = FilterParams.of(params);
        return OverviewResponse.of(queries.overview(p), thisWeek.thisWeek(p, locale));
    }

    @GetMapping("/feedback/{id}")
    public ResponseEntity<ItemView> item(@PathVariable String id) {
        return queries.store().get(id).map(f -> ResponseEntity.ok(ItemView.of(f, null)))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/count")
    public Map<String, Long> count(@RequestParam MultiValueMap<String, String> params) {
        FeedbackFilter f = queries.filter(FilterParams.of(params));
        return Map.of("count", queries.store().count(f));
    }

    private static Dimension dimension(String s) {
        try {
            return Dimension.fromWire(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("groupBy: unknown dimension '" + s + "' (expected one of "
                    + Arrays.stream(Dimension.values()).map(Dimension::wireName).toList() + ")");
        }
    }
}
