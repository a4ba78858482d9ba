package io.koubei.dashboard.speed;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Closing the loop with development: issues, releases, before/after impact, community release feedback. */
@RestController
@RequestMapping("/api/v1/speed")
public class LoopApiController {
    private final LoopService loop;

    public LoopApiController(LoopService loop) {
        this.loop = loop;
    }

    @PostMapping("/issues")
    public ResponseEntity<LoopLedger.Issue> file(@RequestBody IssueTracker.IssueRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(loop.file(request));
    }

    @GetMapping("/issues")
    public List<LoopLedger.Issue> issues() {
        return loop.ledger().issues();
    }

    public record ReleaseRequest(String product, String version, String releasedAt, List<String> issues) {
    }

    @PostMapping("/releases")
    public ResponseEntity<LoopLedger.Release> release(@RequestBody ReleaseRequest r) {
        if (r.version() == null || r.version().isBlank() || r.releasedAt() == null) {
            throw new IllegalArgumentException("version and releasedAt are required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(loop.ledger().release(new LoopLedger.Release(r.product(),
                r.version(), LoopService.parseInstant(r.releasedAt()), r.issues() == null ? List.of() : r.issues())));
    }

    @GetMapping("/releases")
    public List<LoopLedger.Release> releases() {
        return loop.ledger().releases();
    }

    @GetMapping("/releases/{version}/impact")
    public LoopService.Impact impact(@PathVariable String version, @RequestParam(required = false) String product,
            @RequestParam(defaultValue = "14") int days) {
        return loop.impact(product, version, days);
    }

    /** NDJSON community feedback reports; see docs/speed.md. */
    @PostMapping("/release-feedback")
    public ResponseEntity<LoopService.FeedbackReceipt> releaseFeedback(@RequestBody(required = false) String body) {
        LoopService.FeedbackReceipt r = loop.importFeedback("request", body == null ? "" : body);
        return r.rejected() == 0 ? ResponseEntity.ok(r) : ResponseEntity.badRequest().body(r);
    }

    @GetMapping("/releases/{version}/feedback")
    public LoopService.ReleaseFeedbackSummary feedback(@PathVariable String version,
            @RequestParam(required = false) String product) {
        return loop.feedbackSummary(product, version);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler(NoSuchElementException.class)
    public ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler(IssueTracker.TrackerUnavailableException.class)
    public ResponseEntity<Map<String, String>> trackerDown(IssueTracker.TrackerUnavailableException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", e.getMessage()));
    }
}
