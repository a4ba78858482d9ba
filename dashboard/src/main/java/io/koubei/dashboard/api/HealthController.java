package io.koubei.dashboard.api;

import io.koubei.analysis.FeedbackAnalyzer;
import io.koubei.core.bus.BusHealth;
import io.koubei.core.store.StoreHealth;
import io.koubei.dashboard.ops.BackendProbe;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Store and bus status in one answer: 200 when both are up, 503 otherwise; details only for signed-in callers. Each check is bounded by
 * {@code koubei.health.timeout} ({@link BackendProbe}): a frozen backend answers "down", it does not hold the call.
 * The probes for orchestrators are the Actuator groups /actuator/health/liveness and /actuator/health/readiness.
 */
@RestController
public class HealthController {
    private final BackendProbe probe;
    private final FeedbackAnalyzer analyzer;

    public HealthController(BackendProbe probe, FeedbackAnalyzer analyzer) {
        this.probe = probe;
        this.analyzer = analyzer;
    }

    /**
     * Open to everyone (load balancers, monitors), but only callers with credentials see the details: the store's
     * detail names the absolute data directory (or the cluster), the bus's its brokers and queues.
     */
    @GetMapping("/api/v1/health")
    public ResponseEntity<HealthResponse> health(Principal caller) {
        StoreHealth s = safeStore();
        BusHealth b = safeBus();
        boolean up = s.up() && b.up();
        HealthResponse body = caller != null ? new HealthResponse(up ? "UP" : "DOWN", s, b, analyzer.version())
                : new HealthResponse(up ? "UP" : "DOWN", Map.of("backend", s.backend(), "up", s.up()),
                        Map.of("backend", b.backend(), "up", b.up()), analyzer.version());
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    /**
     * {@code status}: UP when both the store and the bus are up; {@code store}/{@code bus}: their health (for anonymous
     * callers only backend and up); {@code analyzer}: the analyzer's version.
     */
    public record HealthResponse(String status, Object store, Object bus, String analyzer) {
    }

    private StoreHealth safeStore() {
        return probe.store();
    }

    private BusHealth safeBus() {
        return probe.bus();
    }
}
