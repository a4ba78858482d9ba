package io.koubei.dashboard.speed;

import io.koubei.dashboard.alerting.Alert;
import io.koubei.dashboard.query.FilterParams;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/speed/*}: lifecycle events, speed metrics, the live queue, service aggregates (docs/speed.md). */
@RestController
@RequestMapping("/api/v1/speed")
public class SpeedApiController {
    private final SpeedService speed;
    private final LifecycleEventStore events;
    private final ServiceDayStore serviceDays;

    public SpeedApiController(SpeedService speed, LifecycleEventStore events, ServiceDayStore serviceDays) {
        this.speed = speed;
        this.events = events;
        this.serviceDays = serviceDays;
    }

    /** NDJSON lifecycle events; 400 when any line was rejected (the good ones are kept). */
    @PostMapping("/events")
    public ResponseEntity<LifecycleEventStore.Receipt> events(@RequestBody(required = false) String body) {
        LifecycleEventStore.Receipt r = events.receive("request", body == null ? "" : body);
        return r.rejected() == 0 ? ResponseEntity.ok(r) : ResponseEntity.badRequest().body(r);
    }

    @PostMapping("/service-days")
    public ResponseEntity<ServiceDayStore.Receipt> serviceDays(@RequestBody(required = false) String body) {
        ServiceDayStore.Receipt r = serviceDays.receive("request", body == null ? "" : body);
        return r.rejected() == 0 ? ResponseEntity.ok(r) : ResponseEntity.badRequest().body(r);
    }

    /** Filters as in /api/v1/search: week, channel, product, from, to... */
    @GetMapping("/metrics")
    public SpeedService.MetricsResponse metrics(@RequestParam MultiValueMap<String, String> params) {
        return speed.metricsFor(FilterParams.of(params));
    }

    /**
     * The complete list behind a figure of the metrics ({@code links}), paged: {@code set} (all, withinSla,
     * breached, pending, unanswered, …) and the same filters; answers like /api/v1/search.
     */
    @GetMapping("/items")
    public io.koubei.dashboard.query.QueryService.SearchResponse items(@RequestParam MultiValueMap<String, String> params,
            @RequestParam String set, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit) {
        if (limit < 0 || limit > io.koubei.core.store.SearchQuery.MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit must be 0.." + io.koubei.core.store.SearchQuery.MAX_LIMIT + " and offset >= 0");
        }
        SpeedService.CasePage page = speed.casePage(FilterParams.of(params), set, offset, limit);
        return new io.koubei.dashboard.query.QueryService.SearchResponse(page.total(), offset, limit, List.of(),
                speed.itemsOf(page.ids()));
    }

    @GetMapping("/queue")
    public List<SpeedService.QueueEntry> queue() {
        return speed.queue();
    }

    /** Runs the breach-risk check now (it also runs every minute); returns alerts that are new or worse. */
    @PostMapping("/queue/check")
    public List<Alert> check() {
        return speed.checkQueue();
    }

    @GetMapping("/routing/{id}")
    public ResponseEntity<Map<String, Object>> routing(@PathVariable String id) {
        return speed.item(id).map(f -> ResponseEntity.ok(speed.routing(f))).orElse(ResponseEntity.notFound().build());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }
}
