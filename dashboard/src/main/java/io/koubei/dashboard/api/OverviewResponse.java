package io.koubei.dashboard.api;

import io.koubei.dashboard.query.ItemView;
import io.koubei.dashboard.query.MetricsView;
import io.koubei.dashboard.query.QueryService;
import io.koubei.dashboard.thisweek.ThisWeek;
import java.util.List;

/**
 * {@code GET /api/v1/overview}: the twelve-week overview plus {@code thisWeek}, the latest week with data, its change
 * and what changed (sentences in the language of {@code ?lang=} or {@code Accept-Language}).
 */
public record OverviewResponse(ThisWeek thisWeek, MetricsView total, List<QueryService.BucketView> byWeek,
        List<QueryService.BucketView> byWeekAndChannel, List<QueryService.BucketView> byChannel,
        List<ItemView> latestNegative, String negativeItems) {

    public static OverviewResponse of(QueryService.Overview o, ThisWeek thisWeek) {
        return new OverviewResponse(thisWeek, o.total(), o.byWeek(), o.byWeekAndChannel(), o.byChannel(),
                o.latestNegative(), o.negativeItems());
    }
}
