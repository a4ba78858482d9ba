package io.koubei.dashboard.alerting;

import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.web.AlertFilter;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
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

/**
 * Incidents over the API (docs/api.md): the ranked list, each with its weekly occurrences, in the language of
 * {@code ?lang=} or {@code Accept-Language}; acknowledge, resolve, assign and comment (analysts and admins). An
 * alert's id is accepted wherever an incident's is (the incident it belongs to).
 */
@RestController
@RequestMapping("/api/v1/alerts")
public class AlertController {
    private final AlertService alerts;

    public AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    /** Incidents, unresolved first and ranked; narrowed by status and the global filters (product, channel, aspect, week). */
    @GetMapping
    public List<IncidentView> list(@RequestParam(required = false) String status,
            @RequestParam MultiValueMap<String, String> raw, jakarta.servlet.http.HttpServletRequest request) {
        Alert.Status s = status == null || status.isBlank() ? null : parse(status);
        List<Incident> matching = AlertFilter.of(FilterParams.of(raw)).applyToIncidents(alerts.incidents(s));
        return alerts.views(matching, language(request));
    }

    /**
     * The weekly alerts behind the incidents, one per subject and period, with the detector's evidence (figures, drill
     * down, item ids): for evaluation scripts and integrations that score each week's finding. Status is the incident's.
     */
    @GetMapping("/weekly")
    public List<Alert> weekly(@RequestParam(required = false) String status) {
        Alert.Status s = status == null || status.isBlank() ? null : parse(status);
        return alerts.list(s);
    }

    @GetMapping("/{id}")
    public ResponseEntity<IncidentView> one(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
        return alerts.incident(id).map(i -> ResponseEntity.ok(alerts.view(i, language(request))))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/{id}/ack")
    public IncidentView acknowledge(@PathVariable String id, Principal user, jakarta.servlet.http.HttpServletRequest request) {
        return alerts.view(alerts.acknowledge(id, name(user)), language(request));
    }

    @PostMapping("/{id}/resolve")
    public IncidentView resolve(@PathVariable String id, Principal user, jakarta.servlet.http.HttpServletRequest request) {
        return alerts.view(alerts.resolve(id, name(user)), language(request));
    }

    /** {@code {"owner": "li"}}; a blank owner unassigns. */
    @PostMapping("/{id}/assign")
    public IncidentView assign(@PathVariable String id, @RequestBody Map<String, String> body, Principal user, jakarta.servlet.http.HttpServletRequest request) {
        return alerts.view(alerts.assign(id, body.get("owner"), name(user)), language(request));
    }

    /** {@code {"text": "…"}}. */
    @PostMapping("/{id}/comment")
    public IncidentView comment(@PathVariable String id, @RequestBody Map<String, String> body, Principal user, jakarta.servlet.http.HttpServletRequest request) {
        return alerts.view(alerts.comment(id, name(user), body.get("text")), language(request));
    }

    /** {@code ?lang=en|zh}, else the first of Accept-Language that is English or Chinese, else Chinese. */
    static Locale language(jakarta.servlet.http.HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang != null && !lang.isBlank()) {
            return lang.trim().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                    String tag = r.getRange().toLowerCase(Locale.ROOT);
                    if (tag.startsWith("en")) {
                        return Locale.ENGLISH;
                    }
                    if (tag.startsWith("zh")) {
                        return Locale.SIMPLIFIED_CHINESE;
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header: the default
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    private static String name(Principal user) {
        return user == null ? "unknown" : user.getName();
    }

    @ExceptionHandler(NoSuchElementException.class)
    public ResponseEntity<Map<String, String>> missing(NoSuchElementException e) {
        return ResponseEntity.status(404).body(Map.of("error", e.getMessage()));
    }

    private static Alert.Status parse(String s) {
        try {
            return Alert.Status.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status: expected open, acknowledged or resolved, got '" + s + "'");
        }
    }
}
