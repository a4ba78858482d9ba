package io.koubei.dashboard.signals;

import io.koubei.analysis.signals.trend.ProductEvent;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Signals and product events over the API (docs/api.md). */
@RestController
@RequestMapping("/api/v1")
public class SignalsController {
    private final SignalsService signals;
    private final EventRegistry events;

    public SignalsController(SignalsService signals, EventRegistry events) {
        this.signals = signals;
        this.events = events;
    }

    /** The signals of a week (default: the current week), from the last scan or a fresh one. */
    @GetMapping("/signals")
    public SignalsService.ScanSummary signals(@RequestParam(required = false) String week) {
        String w = week == null || week.isBlank() ? signals.currentWeek() : checkWeek(week);
        return signals.lastScan(w).orElseGet(() -> signals.scan(w));
    }

    /** Re-runs the detectors: one week, or every week with data ({@code week=all}). */
    @PostMapping("/signals/scan")
    public List<SignalsService.ScanSummary> scan(@RequestParam(defaultValue = "all") String week) {
        return "all".equals(week) ? signals.scanAllWeeks() : List.of(signals.scan(checkWeek(week)));
    }

    @GetMapping("/events")
    public List<ProductEvent> events() {
        return events.list();
    }

    /** Records launches, OTA versions and price changes (one object or an array). */
    @PostMapping("/events")
    public Map<String, Object> record(@RequestBody List<ProductEvent> body) {
        events.record(body);
        return Map.of("recorded", body.size(), "events", events.list().size());
    }

    static String checkWeek(String week) {
        return io.koubei.core.time.CalendarKeys.checkWeek("week", week);
    }
}
