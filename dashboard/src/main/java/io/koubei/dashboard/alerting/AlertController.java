package io.koubei.dashboard.alerting;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alerts over the API: list, one, acknowledge, resolve (analysts and admins). */
@RestController
@RequestMapping("/api/v1/alerts")
public class AlertController {
    private final AlertService alerts;

    public AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    public List<Alert> list(@RequestParam(required = false) String status) {
        return alerts.list(status == null || status.isBlank() ? null : parse(status));
    }

    @GetMapping("/{id}")
    public ResponseEntity<Alert> one(@PathVariable String id) {
        return alerts.get(id).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/{id}/ack")
    public Alert acknowledge(@PathVariable String id, Principal user) {
        return alerts.acknowledge(id, user == null ? "unknown" : user.getName());
    }

    @PostMapping("/{id}/resolve")
    public Alert resolve(@PathVariable String id, Principal user) {
        return alerts.resolve(id, user == null ? "unknown" : user.getName());
    }

    @ExceptionHandler(NoSuchElementException.class)
    public ResponseEntity<java.util.Map<String, String>> missing(NoSuchElementException e) {
        return ResponseEntity.status(404).body(java.util.Map.of("error", e.getMessage()));
    }

    private static Alert.Status parse(String s) {
        try {
            return Alert.Status.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status: expected open, acknowledged or resolved, got '" + s + "'");
        }
    }
}
