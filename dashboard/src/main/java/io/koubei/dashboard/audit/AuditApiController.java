package io.koubei.dashboard.audit;

import io.koubei.dashboard.access.AdminOnly;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit?from=&to=&actor=&action=&limit=}: the audit log, newest first; admins only. */
@RestController
public class AuditApiController {
    private final AuditLog audit;

    public AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    public ResponseEntity<?> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "500") int limit, Authentication auth) {
        if (!AdminOnly.isAdmin(auth)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "the audit log is for admins"));
        }
        Instant f;
        Instant t;
        try {
            f = from == null || from.isBlank() ? null : Instant.parse(from);
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "from: expected ISO-8601, e.g. 2026-12-01T00:00:00Z"));
        }
        try {
            t = to == null || to.isBlank() ? null : Instant.parse(to);
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "to: expected ISO-8601, e.g. 2026-12-08T00:00:00Z"));
        }
        if (limit < 1 || limit > 10_000) {
            return ResponseEntity.badRequest().body(Map.of("error", "limit: between 1 and 10,000"));
        }
        List<AuditEntry> entries = audit.list(f, t, blankToNull(actor), blankToNull(action), limit);
        return ResponseEntity.ok(Map.of("entries", entries, "count", entries.size()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
