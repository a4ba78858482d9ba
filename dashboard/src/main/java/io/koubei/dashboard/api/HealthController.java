package io.koubei.dashboard.api;

import io.koubei.analysis.FeedbackAnalyzer;
import io.koubei.core.bus.BusHealth;
import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.StoreHealth;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Store and bus status in one answer: 200 when both are up, 503 otherwise; details only for signed-in callers. */
@RestController
public class HealthController {
    private final FeedbackStore store;
    private final FeedbackBus bus;
    private final FeedbackAnalyzer analyzer;

    public HealthController(FeedbackStore store, FeedbackBus bus, FeedbackAnalyzer analyzer) {
        this.store = store;
        this.bus = bus;
        this.analyzer = analyzer;
    }

    /**
     * Open to everyone (load balancers, monitors), but only callers with credentials see the details: the store's
     * detail names the absolute data directory (or the cluster), the bus's its brokers and queues.
     */
    @GetMapping("/api/v1/health")
    public ResponseEntity<Map<String, Object>> health(Principal caller) {
        StoreHealth s = safeStore();
        BusHealth b = safeBus();
        boolean up = s.up() && b.up();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("store", caller != null ? s : Map.of("backend", s.backend(), "up", s.up()));
        body.put("bus", caller != null ? b : Map.of("backend", b.backend(), "up", b.up()));
        body.put("analyzer", analyzer.version());
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private StoreHealth safeStore() {
        try {
            return store.check();
        } catch (RuntimeException e) {
            return new StoreHealth("unknown", false, e.toString());
        }
    }

    private BusHealth safeBus() {
        try {
            return bus.health();
        } catch (RuntimeException e) {
            return new BusHealth("unknown", false, -1, -1, e.toString());
        }
    }
}
