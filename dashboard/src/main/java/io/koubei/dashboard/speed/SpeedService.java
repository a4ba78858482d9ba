package io.koubei.dashboard.speed;

import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.speed.CaseAssembler;
import io.koubei.analysis.speed.LifecycleLog;
import io.koubei.analysis.speed.LiveQueue;
import io.koubei.analysis.speed.Router;
import io.koubei.analysis.speed.ServiceDay;
import io.koubei.analysis.speed.SpeedCase;
import io.koubei.analysis.speed.SpeedMetrics;
import io.koubei.analysis.speed.SpeedSummary;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.alerting.Alert;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.query.QueryService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Response speed over the store: builds cases from user items, official replies and lifecycle events, then
 * computes the figures, the live queue and the breach-risk alerts. Items are visited with {@code scan}, never
 * loaded all at once.
 */
public class SpeedService {
    /** The sets a figure on the page counts; each has its complete, paged list at {@code /speed/items?set=}. */
    public static final List<String> SETS = List.of("all", "withinSla", "breached", "pending", "unanswered",
            "closedInWindow", "anomalies", "anomaliesOnTime");

    private final QueryService queries;
    private final LifecycleEventStore events;
    private final ServiceDayStore serviceDays;
    private final SpeedProperties props;
    private final CalendarKeys calendar;
    private final SpeedMetrics metrics;
    private final Router router;
    private final AlertService alerts;
    private final Clock clock;
    private final java.util.function.Supplier<Set<String>> competitors;

    public SpeedService(QueryService queries, LifecycleEventStore events, ServiceDayStore serviceDays,
            SpeedProperties props, CalendarKeys calendar, AlertService alerts, Clock clock) {
        this(queries, events, serviceDays, props, calendar, alerts, clock, Set::of);
    }

    /** @param competitors competitors' products (settings): their posts are never ours to answer */
    public SpeedService(QueryService queries, LifecycleEventStore events, ServiceDayStore serviceDays,
            SpeedProperties props, CalendarKeys calendar, AlertService alerts, Clock clock,
            java.util.function.Supplier<Set<String>> competitors) {
        this.competitors = competitors;
        this.queries = queries;
        this.events = events;
        this.serviceDays = serviceDays;
        this.props = props;
        this.calendar = calendar;
        this.metrics = new SpeedMetrics(props.slaPolicy(), props.hours(calendar.zone()));
        this.router = new Router(props.routingRules());
        this.alerts = alerts;
        this.clock = clock;
    }

    public SpeedMetrics metrics() {
        return metrics;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Cases plus what could not be used, so bad data is visible instead of silently missing. */
    public record CaseSet(List<SpeedCase> cases, int repliesBeforePost, List<String> eventsWithoutItem) {
    }

    /**
     * The cases of a filter: cached with the other reads (until the next store write, at most the cache's max age)
     * and keyed by the lifecycle log's size and the competitors, which change them without a store write. A case set
     * reads every item of the answered channels in the range (seconds at a million items).
     */
    public CaseSet cases(FilterParams params) {
        Set<String> theirs = competitors.get();
        int logSize;
        synchronized (events) {
            logSize = events.log().size();
        }
        return queries.cached(List.of("speed-cases", params.toQueryString(), logSize, theirs),
                () -> computeCases(params, theirs));
    }

    private CaseSet computeCases(FilterParams params, Set<String> theirs) {
        FeedbackFilter asked = queries.filter(params);
        Set<Channel> channels = new HashSet<>(props.getChannels());
        if (!asked.channels().isEmpty()) {
            channels.retainAll(asked.channels());
        }
        LifecycleLog log = events.log();
        CaseAssembler assembler = new CaseAssembler(calendar, router, log);
        synchronized (events) {
            queries.store().scan(FeedbackFilter.builder().official(true).from(earliest(asked)).build(),
                    f -> assembler.officialReply(f.item()));
            List<SpeedCase> cases = new ArrayList<>();
            if (!channels.isEmpty()) {
                // our own accounts' posts expect no answer (CaseAssembler.expectsResponse): not read at all
                queries.store().scan(asked.toBuilder().channels(channels)
                                .official(asked.official() == null ? Boolean.FALSE : asked.official()).build(),
                        f -> assembler.fromItem(f).ifPresent(cases::add));
            }
            List<String> orphans = new ArrayList<>();
            Set<String> known = new HashSet<>();
            queries.store().getAll(log.itemIds()).forEach(f -> known.add(f.id()));
            for (String id : log.itemIds()) {
                if (known.contains(id)) {
                    continue;
                }
                assembler.fromEventsOnly(id).ifPresentOrElse(c -> {
                    if (matches(c, asked)) {
                        cases.add(c);
                    }
                }, () -> orphans.add(id));
            }
            // only our products' posts expect an answer from us: a competitor's product is never in the set
            if (!theirs.isEmpty()) {
                cases.removeIf(c -> c.product() != null && theirs.contains(c.product()));
            }
            return new CaseSet(java.util.Collections.unmodifiableList(cases), assembler.repliesBeforePost(),
                    java.util.Collections.unmodifiableList(orphans));
        }
    }

    /** Replies cannot predate the cases they answer: scan official replies from the filter's first instant on. */
    private Instant earliest(FeedbackFilter f) {
        Instant from = f.from();
        for (String w : f.weeks()) {
            Instant start = calendar.weekStart(w);
            from = from == null || start.isBefore(from) ? start : from;
        }
        return from;
    }

    /**
     * No filter takes everything; a filter takes only values it names, never a missing one. (The filter's sets are
     * immutable and throw on contains(null): a case opened by events alone may name no product or channel.)
     */
    private static <T> boolean among(java.util.Set<T> wanted, T value) {
        return wanted.isEmpty() || value != null && wanted.contains(value);
    }

    /** Cases opened by events alone (anomalies) count whatever their channel, unless a channel was asked for. */
    private static boolean matches(SpeedCase c, FeedbackFilter f) {
        return among(f.channels(), c.channel())
                && among(f.products(), c.product())
                && (f.weeks().isEmpty() || f.weeks().contains(c.week()))
                && (f.from() == null || !c.createdAt().isBefore(f.from()))
                && (f.to() == null || c.createdAt().isBefore(f.to()))
                && (f.ids().isEmpty() || f.ids().contains(c.id()));
    }

    // ---- metrics ----

    public record Links(String all, String withinSla, String breached, String pending, String unanswered,
            String closedInWindow, String anomalies, String anomaliesOnTime) {
    }

    /** A summary with its drill-down links; the id lists themselves are in {@code summary}. */
    public record SummaryView(String key, SpeedSummary summary, Links links) {
    }

    public record ServiceView(String line, ServiceDay.Rates rates) {
    }

    public record MetricsResponse(Instant now, Map<String, List<String>> filter, Map<String, Object> settings,
            SummaryView overall, List<SummaryView> byChannel, List<SummaryView> byDepartment,
            List<SummaryView> byProduct, List<SummaryView> byWeek, List<ServiceView> service,
            Map<String, Object> dataQuality) {
    }

    public MetricsResponse metricsFor(FilterParams params) {
        return metricsFrom(params, cases(params), clock.instant());
    }

    /**
     * The page's figures and its queue from one case set: the unanswered count, the queue and the list behind the
     * count are the same cases.
     */
    public record PageView(MetricsResponse metrics, List<QueueEntry> queue, int queueTotal) {
    }

    public PageView pageFor(FilterParams params, int queueShown) {
        Instant now = clock.instant();
        CaseSet set = cases(params);
        List<QueueEntry> queue = queueOf(set.cases(), now);
        return new PageView(metricsFrom(params, set, now), queue.size() > queueShown ? queue.subList(0, queueShown) : queue,
                queue.size());
    }

    /** One page of a set's items (ids in the order the page lists them: the queue's urgency for unanswered). */
    public record CasePage(String set, int total, int offset, int limit, List<String> ids) {
    }

    public CasePage casePage(FilterParams params, String set, int offset, int limit) {
        if (!SETS.contains(set)) {
            throw new IllegalArgumentException("set: unknown '" + set + "' (expected one of " + SETS + ")");
        }
        Instant now = clock.instant();
        List<SpeedCase> cases = cases(params).cases();
        List<String> ids;
        if (set.equals("unanswered")) {
            ids = queueOf(cases, now).stream().map(QueueEntry::id).toList();
        } else {
            ids = new ArrayList<>(idsOf(metrics.summarize(cases, now), set));
            ids.sort(null);
        }
        int from = Math.min(offset, ids.size());
        return new CasePage(set, ids.size(), offset, limit, ids.subList(from, Math.min(ids.size(), from + limit)));
    }

    static List<String> idsOf(SpeedSummary s, String set) {
        return switch (set) {
            case "withinSla" -> s.withinSlaIds();
            case "breached" -> s.breachedIds();
            case "pending" -> s.pendingIds();
            case "unanswered" -> s.unansweredIds();
            case "closedInWindow" -> s.closedInWindowIds();
            case "anomalies" -> s.anomalyIds();
            case "anomaliesOnTime" -> s.anomalyOnTimeIds();
            default -> {
                List<String> all = new ArrayList<>(s.withinSlaIds());
                all.addAll(s.breachedIds());
                all.addAll(s.pendingIds());
                yield all;
            }
        };
    }

    private MetricsResponse metricsFrom(FilterParams params, CaseSet set, Instant now) {
        List<SpeedCase> cases = set.cases();
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("repliesBeforePost", set.repliesBeforePost());
        quality.put("eventsWithoutItem", set.eventsWithoutItem().size());
        quality.put("eventsWithoutItemIds", set.eventsWithoutItem().stream().limit(50).toList());
        quality.put("events", events.log().size());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("defaultSlaMinutes", SpeedMetrics.minutes(props.getSla()));
        settings.put("channelSla", props.getChannelSla());
        settings.put("riskFraction", props.getRiskFraction());
        settings.put("anomalyClockMinutes", SpeedMetrics.minutes(props.getAnomalyClock()));
        settings.put("closeWindowHours", props.getCloseWindow().toMinutes() / 60.0);
        settings.put("businessHours", props.getBusinessHours().isAlwaysOn() ? "always" : props.getBusinessHours().getOpen()
                + "-" + props.getBusinessHours().getClose());
        settings.put("zone", calendar.zone().getId());
        settings.put("percentileMethod", "nearest-rank");
        return new MetricsResponse(now, params.values(), settings, view("all", metrics.summarize(cases, now), params),
                group(cases, c -> c.channel().wireName(), now, params, "channel"),
                group(cases, SpeedCase::department, now, params, null),
                group(cases, SpeedCase::product, now, params, "product"), group(cases, SpeedCase::week, now, params, "week"),
                service(params), quality);
    }

    /** Groups by a filterable dimension link to their own complete lists; departments link to the overall ones. */
    private List<SummaryView> group(List<SpeedCase> cases, Function<SpeedCase, String> key, Instant now,
            FilterParams params, String param) {
        return metrics.summarizeBy(cases, key, now).entrySet().stream()
                .map(e -> view(e.getKey(), e.getValue(), param == null || e.getKey() == null ? params
                        : params.with(param, e.getKey())))
                .toList();
    }

    static SummaryView view(String key, SpeedSummary s, FilterParams params) {
        return new SummaryView(key, s, new Links(link(idsOf(s, "all"), "all", params),
                link(s.withinSlaIds(), "withinSla", params), link(s.breachedIds(), "breached", params),
                link(s.pendingIds(), "pending", params), link(s.unansweredIds(), "unanswered", params),
                link(s.closedInWindowIds(), "closedInWindow", params), link(s.anomalyIds(), "anomalies", params),
                link(s.anomalyOnTimeIds(), "anomaliesOnTime", params)));
    }

    /** {@code /search?id=a,b,c} for a list of ids someone chose (an issue's items); null for an empty list. */
    static String idLink(List<String> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        return "/search?" + FilterParams.empty().with("id", String.join(",", ids.stream().sorted().toList())).toQueryString();
    }

    /**
     * {@code /speed/items?set=breached&<filters>}: the complete list behind a figure, paged (the same path under
     * {@code /api/v1} answers as JSON); null for an empty set.
     */
    static String link(List<String> ids, String set, FilterParams params) {
        if (ids.isEmpty()) {
            return null;
        }
        String q = params.toQueryString();
        return "/speed/items?set=" + set + (q.isEmpty() ? "" : "&" + q);
    }

    private List<ServiceView> service(FilterParams params) {
        FeedbackFilter f = queries.filter(params);
        Map<String, List<ServiceDay>> byLine = new java.util.TreeMap<>();
        for (ServiceDay d : serviceDays.all()) {
            Instant start = d.day().atStartOfDay(calendar.zone()).toInstant();
            boolean in = among(f.products(), d.product())
                    && (f.weeks().isEmpty() || f.weeks().contains(calendar.week(start)))
                    && (f.from() == null || !start.isBefore(f.from())) && (f.to() == null || start.isBefore(f.to()));
            if (in) {
                byLine.computeIfAbsent(d.line(), k -> new ArrayList<>()).add(d);
            }
        }
        return byLine.entrySet().stream().map(e -> new ServiceView(e.getKey(), ServiceDay.Rates.of(e.getValue()))).toList();
    }

    // ---- live queue ----

    public record QueueEntry(String id, String channel, String product, String department, String owner,
            Instant createdAt, Instant deadline, double slaMinutes, double elapsedMinutes, double minutesLeft,
            String status, boolean negative, long reach, boolean anomaly, String link) {
    }

    /** Items breached longer ago than this go into one backlog alert per channel instead of one alert each. */
    static final int BACKLOG_AFTER_MINUTES = 60;

    public List<QueueEntry> queue() {
        Instant now = clock.instant();
        FilterParams recent = FilterParams.empty().with("from", now.minus(props.getQueueLookback()).toEpochMilli() + "");
        return queueOf(cases(recent).cases(), now);
    }

    /** Unanswered cases by urgency; status against the case's SLA: ok (green), at_risk (amber), breached (red). */
    List<QueueEntry> queueOf(List<SpeedCase> cases, Instant now) {
        return new LiveQueue(metrics).entries(cases, now).stream().map(e -> new QueueEntry(
                e.item().id(), e.item().channel().wireName(), e.item().product(), e.item().department(),
                e.item().owner(), e.item().createdAt(), e.deadline(), e.slaMinutes(), e.elapsedMinutes(),
                e.minutesLeft(), e.status().name().toLowerCase(java.util.Locale.ROOT), e.item().negative(),
                e.item().reach(), e.item().anomaly(), "/item/" + java.net.URLEncoder.encode(e.item().id(),
                        java.nio.charset.StandardCharsets.UTF_8))).toList();
    }

    /**
     * Raises a {@code RESPONSE_SLA} signal per at-risk (warning) or breached (critical) queue entry through the
     * alert channels; the signal key is per item, so a breach upgrades the earlier warning instead of duplicating.
     */
    public List<Alert> checkQueue() {
        List<Signal> signals = new ArrayList<>();
        Map<String, List<QueueEntry>> backlog = new LinkedHashMap<>();
        for (QueueEntry e : queue()) {
            if (e.status().equals("ok")) {
                continue;
            }
            boolean breached = e.status().equals("breached");
            if (breached && -e.minutesLeft() > BACKLOG_AFTER_MINUTES) {
                // long past its deadline: one backlog alert per channel, not one alert per post
                backlog.computeIfAbsent(e.channel(), k -> new ArrayList<>()).add(e);
                continue;
            }
            String sla = Math.round(e.slaMinutes()) + " 分钟";
            signals.add(Signal.builder(SignalType.RESPONSE_SLA)
                    .severity(breached ? Severity.CRITICAL : Severity.WARNING)
                    .week(calendar.week(e.createdAt()))
                    .channel(Channel.fromWire(e.channel()).orElse(null))
                    .product(e.product())
                    .subject(e.id())
                    .title((breached ? "已超过首次响应时限（" : "即将超过首次响应时限（") + sla + "）：" + e.id())
                    .description(String.format("已等待 %.0f 分钟，时限 %s，%s。负责部门：%s%s。", e.elapsedMinutes(), sla,
                            breached ? String.format("已超时 %.0f 分钟", -e.minutesLeft())
                                    : String.format("剩余 %.0f 分钟", e.minutesLeft()),
                            e.department(), e.owner() == null ? "" : "，负责人：" + e.owner()))
                    .evidence(Evidence.builder().figure("elapsedMinutes", e.elapsedMinutes())
                            .figure("slaMinutes", e.slaMinutes()).figure("minutesLeft", e.minutesLeft())
                            .figure("reach", e.reach()).fact("department", e.department()).fact("owner", e.owner())
                            .fact("deadline", e.deadline()).drillDown("id", e.id()).itemIds(List.of(e.id())).build())
                    .build());
        }
        String today = calendar.day(clock.instant());
        backlog.forEach((channel, entries) -> signals.add(Signal.builder(SignalType.RESPONSE_SLA)
                .severity(Severity.CRITICAL)
                .week(calendar.week(clock.instant()))
                .day(today)
                .channel(Channel.fromWire(channel).orElse(null))
                .subject("backlog")
                .title("超时未回复积压：" + channel + " 渠道 " + entries.size() + " 条")
                .description(String.format("%d 条反馈超过首次响应时限 %d 分钟以上仍未回复（最早 %s）。", entries.size(),
                        BACKLOG_AFTER_MINUTES, entries.stream().map(QueueEntry::createdAt).min(Instant::compareTo).orElse(null)))
                .evidence(Evidence.builder().figure("unanswered", entries.size())
                        .itemIds(entries.stream().limit(200).map(QueueEntry::id).toList())
                        .drillDown("channel", channel).build())
                .build()));
        return signals.isEmpty() ? List.of() : alerts.receive(signals);
    }

    /** The items of these ids in this order (cases opened by lifecycle events alone have no item and are skipped). */
    public List<io.koubei.dashboard.query.ItemView> itemsOf(List<String> ids) {
        Map<String, AnalyzedFeedback> byId = new java.util.HashMap<>();
        queries.store().getAll(ids).forEach(f -> byId.put(f.id(), f));
        return ids.stream().filter(byId::containsKey).map(id -> io.koubei.dashboard.query.ItemView.of(byId.get(id), null)).toList();
    }

    public java.util.Optional<AnalyzedFeedback> item(String id) {
        return queries.store().get(id);
    }

    public Map<String, Object> routing(AnalyzedFeedback f) {
        long reach = CaseAssembler.reach(f.item());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("department", router.department(f, reach));
        m.put("rule", router.match(f, reach).map(r -> router.rules().indexOf(r)).orElse(-1));
        return m;
    }
}
