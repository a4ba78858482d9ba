package io.koubei.dashboard.speed;

import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.query.QueryService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Follows a complaint until the fix ships: file it in a tracker, record the release that fixes it, then compare
 * the aspect's volume, negative share and NPS in equal windows before and after the release.
 */
public class LoopService {
    private final SpeedProperties props;
    private final LoopLedger ledger;
    private final IssueTracker tracker;
    private final QueryService queries;
    private final Clock clock;
    private final String baseUrl;

    public LoopService(SpeedProperties props, LoopLedger ledger, IssueTracker tracker, QueryService queries, Clock clock,
            String baseUrl) {
        this.props = props;
        this.ledger = ledger;
        this.tracker = tracker;
        this.queries = queries;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public LoopLedger ledger() {
        return ledger;
    }

    /** Files the issue in the named tracker (the first configured when null) and records where it went. */
    public LoopLedger.Issue file(IssueTracker.IssueRequest r) {
        if (r.title() == null || r.title().isBlank()) {
            throw new IllegalArgumentException("title: required");
        }
        List<SpeedProperties.Tracker> trackers = props.getTrackers();
        if (trackers.isEmpty()) {
            throw new IllegalArgumentException("no issue tracker configured (koubei.speed.trackers[0].*)");
        }
        SpeedProperties.Tracker t = r.tracker() == null ? trackers.get(0) : trackers.stream()
                .filter(x -> r.tracker().equals(x.getName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("tracker: unknown '" + r.tracker() + "' (configured: "
                        + trackers.stream().map(SpeedProperties.Tracker::getName).toList() + ")"));
        List<String> ids = r.itemIds() == null ? List.of() : r.itemIds();
        String link = r.link() != null ? r.link() : ids.isEmpty() ? null
                : baseUrl + SpeedService.idLink(ids);
        IssueTracker.IssueRequest full = new IssueTracker.IssueRequest(t.getName(), r.aspect(), r.query(), r.product(),
                r.title(), r.description(), ids, link);
        IssueTracker.Filed filed = tracker.push(t, full);
        return ledger.fileNew(new LoopLedger.Issue(null, t.getName(), filed.externalKey(), filed.url(), r.aspect(),
                r.query(), r.product(), r.title(), ids, clock.instant(), null, null));
    }

    /** The numbers of one window for one aspect. NPS over items that mention the aspect and carry an NPS rating. */
    public record Window(Instant from, Instant to, long volume, long negative, Double negativeShare, long npsResponses,
            Double nps, String items) {
    }

    public record AspectImpact(String issue, String aspect, String query, Window before, Window after, boolean afterComplete) {
    }

    public record Impact(String product, String version, Instant releasedAt, int days, List<AspectImpact> aspects) {
    }

    public Impact impact(String product, String version, int days) {
        if (days < 1 || days > 180) {
            throw new IllegalArgumentException("days must be 1..180");
        }
        LoopLedger.Release r = ledger.release(product, version)
                .orElseThrow(() -> new java.util.NoSuchElementException("no release " + LoopLedger.releaseKey(product, version)));
        Duration d = Duration.ofDays(days);
        List<AspectImpact> out = new ArrayList<>();
        for (String key : r.issues()) {
            LoopLedger.Issue i = ledger.issue(key).orElseThrow();
            if (i.aspect() == null && (i.query() == null || i.query().isBlank())) {
                continue;
            }
            String p = i.product() != null ? i.product() : product;
            out.add(new AspectImpact(key, i.aspect(), i.query(), window(p, i, r.releasedAt().minus(d), r.releasedAt()),
                    window(p, i, r.releasedAt(), r.releasedAt().plus(d)),
                    !clock.instant().isBefore(r.releasedAt().plus(d))));
        }
        return new Impact(product, version, r.releasedAt(), days, out);
    }

    /**
     * Items about the issue in [from, to): by its aspect when it has one, else by its search words; user items only,
     * astroturf excluded. Negative: the aspect's negative opinion points, or negative items for a word search.
     */
    private Window window(String product, LoopLedger.Issue issue, Instant from, Instant to) {
        FilterParams p = FilterParams.empty().with("official", "false").with("excludeFlag", "astroturf")
                .with("from", String.valueOf(from.toEpochMilli())).with("to", String.valueOf(to.toEpochMilli()))
                .with("product", product);
        p = issue.aspect() != null ? p.with("aspect", issue.aspect()) : p.with("q", issue.query());
        FilterParams negativeParams = issue.aspect() != null
                ? p.with("aspect", null).with("aspectPolarity", issue.aspect() + ":negative") : p.with("polarity", "negative");
        long volume = count(p);
        long negative = count(negativeParams);
        long promoters = count(p.with("nps", "promoter"));
        long passives = count(p.with("nps", "passive"));
        long detractors = count(p.with("nps", "detractor"));
        long responses = promoters + passives + detractors;
        return new Window(from, to, volume, negative, volume == 0 ? null : (double) negative / volume, responses,
                responses == 0 ? null : 100.0 * (promoters - detractors) / responses, "/search?" + p.toQueryString());
    }

    private long count(FilterParams p) {
        return queries.store().count(queries.filter(p));
    }

    // ---- community feedback reports per release ----

    public record FeedbackReceipt(int received, int accepted, int replaced, int rejected, List<String> errors) {
    }

    public FeedbackReceipt importFeedback(String source, String body) {
        List<String> errors = new ArrayList<>();
        int received = 0, accepted = 0, replaced = 0;
        String[] lines = body.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].trim();
            if (line.isEmpty()) {
                continue;
            }
            received++;
            try {
                replaced += ledger.feedback(parseFeedback(line)) ? 1 : 0;
                accepted++;
            } catch (RuntimeException e) {
                errors.add(source + ":" + (n + 1) + ": " + e.getMessage());
            }
        }
        return new FeedbackReceipt(received, accepted, replaced, errors.size(), errors);
    }

    static LoopLedger.ReleaseFeedback parseFeedback(String line) {
        JsonNode n;
        try {
            n = LifecycleEventStore.JSON.readTree(line);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
        String id = LifecycleEventStore.text(n, "id");
        String version = LifecycleEventStore.text(n, "version");
        if (id == null || version == null) {
            throw new IllegalArgumentException("id and version are required");
        }
        Map<String, Double> ratings = new TreeMap<>();
        JsonNode rn = n.path("ratings");
        for (Map.Entry<String, JsonNode> e : rn.properties()) {
            double v = e.getValue().asDouble(Double.NaN);
            if (!e.getValue().isNumber() || v < 1 || v > 5) {
                throw new IllegalArgumentException("ratings." + e.getKey() + ": expected a number 1–5");
            }
            ratings.put(e.getKey(), v);
        }
        Map<String, Integer> votes = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : n.path("votes").properties()) {
            if (!e.getValue().isIntegralNumber() || e.getValue().asInt() < 0) {
                throw new IllegalArgumentException("votes." + e.getKey() + ": expected a whole number ≥ 0");
            }
            votes.put(e.getKey(), e.getValue().asInt());
        }
        return new LoopLedger.ReleaseFeedback(id, LifecycleEventStore.text(n, "product"), version, ratings,
                LifecycleEventStore.text(n, "text"), votes);
    }

    public record AreaRating(String area, int reports, double mean) {
    }

    public record OpinionVotes(String opinion, long votes) {
    }

    public record ReleaseFeedbackSummary(String product, String version, int reports, List<AreaRating> areas,
            List<OpinionVotes> opinions, List<String> texts) {
    }

    public ReleaseFeedbackSummary feedbackSummary(String product, String version) {
        List<LoopLedger.ReleaseFeedback> list = ledger.feedbackFor(product, version);
        Map<String, double[]> areas = new TreeMap<>();
        Map<String, Long> votes = new LinkedHashMap<>();
        List<String> texts = new ArrayList<>();
        for (LoopLedger.ReleaseFeedback f : list) {
            f.ratings().forEach((k, v) -> {
                double[] a = areas.computeIfAbsent(k, x -> new double[2]);
                a[0] += v;
                a[1]++;
            });
            f.votes().forEach((k, v) -> votes.merge(k, (long) v, Long::sum));
            if (f.text() != null) {
                texts.add(f.text());
            }
        }
        return new ReleaseFeedbackSummary(product, version, list.size(),
                areas.entrySet().stream().map(e -> new AreaRating(e.getKey(), (int) e.getValue()[1], e.getValue()[0] / e.getValue()[1])).toList(),
                votes.entrySet().stream().map(e -> new OpinionVotes(e.getKey(), e.getValue()))
                        .sorted(Comparator.comparingLong(OpinionVotes::votes).reversed().thenComparing(OpinionVotes::opinion)).toList(),
                texts.stream().limit(50).toList());
    }

    static Instant parseInstant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("releasedAt: expected ISO-8601 with offset, got '" + s + "'");
        }
    }
}
