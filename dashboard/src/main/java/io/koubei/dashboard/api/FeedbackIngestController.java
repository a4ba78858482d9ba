package io.koubei.dashboard.api;

import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.ops.IngestMetrics;
import org.springframework.beans.factory.ObjectProvider;
import io.koubei.ingest.api.FeedbackRequestParser;
import io.koubei.ingest.format.FormatOptions;
import io.koubei.ingest.format.ParseResult;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.ingest.importing.ImportOptions;
import io.koubei.ingest.importing.ImportSummary;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/feedback}: one format-v1 object, a JSON array, or an NDJSON batch. Good lines land even when
 * others are rejected; the answer comes only after the accepted items are durable, and lists each rejection as
 * {@code <request>:line: field: reason}. The weeks the items landed in are re-scanned by the signals re-scan, which hears
 * of every stored batch from the store path (as for imports and Kafka), once the stream pauses.
 */
@RestController
@RequestMapping("/api/v1")
public class FeedbackIngestController {
    private final FeedbackImporter importer;
    private final FeedbackRequestParser parser;
    private final ObjectProvider<IngestMetrics> metrics;

    /** How long a request waits for its share of the parsing budget before it is told to come back. */
    private static final long BUDGET_WAIT_MILLIS = 2_000;
    private final IngestMemoryBudget budget;

    public FeedbackIngestController(FeedbackImporter importer, CalendarKeys calendar, ObjectProvider<IngestMetrics> metrics,
            @org.springframework.beans.factory.annotation.Value("${koubei.ingest.body-budget-mib:128}") int budgetMib) {
        this.budget = new IngestMemoryBudget(budgetMib);
        this.importer = importer;
        this.metrics = metrics;
        this.parser = new FeedbackRequestParser(FormatOptions.standard().withTeamZone(calendar.zone()),
                FeedbackRequestParser.DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * {@code errors}: the rejections, {@code <request>:line: field: reason}; {@code warnings}: optional fields of
     * accepted items that were normalised or dropped, {@code <request>:line: field: what was done}, counted in
     * {@code warned} (items) apart from {@code rejected}.
     */
    public record IngestResponse(long received, long accepted, long created, long updated, long rejected,
            long deadLettered, boolean stored, List<String> errors, long warned, List<String> warnings, String aborted) {
    }

    @PostMapping("/feedback")
    @io.swagger.v3.oas.annotations.Operation(summary = "Ingest feedback (format v1): one object, a JSON array, or NDJSON",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "format-v1 items (docs/import-format.md)", content = {
                            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                                    examples = @io.swagger.v3.oas.annotations.media.ExampleObject(value =
                                            "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"123\","
                                            + "\"createdAt\":\"2026-10-01T10:00:00+08:00\",\"text\":\"续航太差了\"}")),
                            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/x-ndjson")}))
    public ResponseEntity<IngestResponse> ingest(HttpServletRequest request) throws IOException, InterruptedException {
        int share = budget.share(request.getContentLengthLong(), FeedbackRequestParser.DEFAULT_MAX_BODY_BYTES);
        if (!budget.tryAcquire(share, BUDGET_WAIT_MILLIS)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .body(new IngestResponse(0, 0, 0, 0, 0, 0, false, List.of(), 0, List.of(),
                            "nothing was read: busy parsing other large requests (koubei.ingest.body-budget-mib); send again shortly"));
        }
        List<ParseResult> results;
        try (InputStream body = request.getInputStream()) {
            results = parser.parse(body);
        } finally {
            budget.release(share); // the items are parsed: the body's bytes are gone
        }
        ImportSummary s = importer.importResults(FeedbackRequestParser.SOURCE, results.iterator(),
                ImportOptions.defaults().withFailFast(true), (read, total) -> { }, results.size());
        metrics.ifAvailable(m -> m.record("api", s));
        // no re-scan decided here: the store path announces the stored weeks, and the signals re-scan judges them
        IngestResponse body = new IngestResponse(s.read(), s.accepted(), s.created(), s.updated(), s.rejected(),
                s.deadLettered(), s.stored(), s.rejections().stream().map(Object::toString).toList(), s.warned(),
                s.warnings().stream().map(Object::toString).toList(), s.abortedReason());
        if (s.abortedReason() != null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(body);
        }
        return s.rejected() == 0 ? ResponseEntity.ok(body) : ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(FeedbackRequestParser.BodyTooLargeException.class)
    public ResponseEntity<Map<String, String>> tooLarge(FeedbackRequestParser.BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(Map.of("error", e.getMessage() + " — send NDJSON in batches, or use koubei import for files"));
    }
}
