package io.koubei.dashboard.privacy;

import io.koubei.dashboard.access.AdminOnly;

import io.koubei.core.bus.DeadLetter;
import io.koubei.core.feedback.AnalyzedFeedback;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/privacy/erase} and {@code GET /api/v1/privacy/export}: an author's right to erasure and to a
 * copy of their data. Admins only; both are written to the audit log.
 */
@RestController
public class PrivacyController {
    private final PrivacyService privacy;

    public PrivacyController(PrivacyService privacy) {
        this.privacy = privacy;
    }

    /** The erase request: {@code {"author": "...", "source": "..."}} or {@code {"ids": [...]}}. */
    public record EraseRequest(String author, String source, List<String> ids) {
    }

    @PostMapping("/api/v1/privacy/erase")
    public ResponseEntity<?> erase(@RequestBody EraseRequest request, Authentication auth) {
        if (!AdminOnly.isAdmin(auth)) {
            return forbidden();
        }
        PrivacySubject subject;
        try {
            subject = new PrivacySubject(request.author(), request.source(), request.ids() == null ? null : Set.copyOf(request.ids()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
        return ResponseEntity.ok(privacy.erase(subject));
    }

    @GetMapping("/api/v1/privacy/export")
    public ResponseEntity<?> export(@RequestParam(required = false) String author, @RequestParam(required = false) String source,
            @RequestParam(required = false) List<String> id, Authentication auth) {
        if (!AdminOnly.isAdmin(auth)) {
            return forbidden();
        }
        PrivacySubject subject;
        try {
            subject = new PrivacySubject(author, source, id == null ? null : Set.copyOf(id));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
        List<AnalyzedFeedback> items = privacy.items(subject);
        Set<String> ids = items.stream().map(AnalyzedFeedback::id).collect(Collectors.toSet());
        ids.addAll(subject.ids());
        List<DeadLetter> deadLetters = privacy.deadLetters(subject, ids);
        return ResponseEntity.ok(Map.of(
                "subject", subject,
                "items", items.stream().map(AnalyzedFeedback::item).toList(),
                "analysis", items.stream().map(f -> Map.of("id", f.id(), "week", f.week(), "analysis", f.analysis())).toList(),
                "deadLetters", deadLetters,
                "count", items.size()));
    }

    private static ResponseEntity<Map<String, String>> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "personal-data requests are for admins"));
    }
}
