package io.koubei.dashboard.api;

import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.bus.PublishReceipt;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.ingest.format.FeedbackJsonCodec;
import io.koubei.ingest.format.FormatOptions;
import io.koubei.ingest.format.JsonLinesReader;
import io.koubei.ingest.format.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/v1/feedback}: one format-v1 object or an NDJSON batch. Good lines land even when others are
 * rejected; the answer comes only after the accepted items are durable, and lists each rejection as
 * {@code request:line: field: reason}.
 */
@RestController
@RequestMapping("/api/v1")
public class FeedbackIngestController {
    private static final String SOURCE = "request";
    private static final int BATCH = 500;

    private final FeedbackBus bus;
    private final FormatOptions options = FormatOptions.standard();
    private final FeedbackJsonCodec codec = new FeedbackJsonCodec(options);

    public FeedbackIngestController(FeedbackBus bus) {
        this.bus = bus;
    }

    public record IngestResponse(int received, int accepted, int created, int updated, int rejected, boolean stored,
            List<String> errors) {
    }

    @PostMapping(path = "/feedback", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson",
            MediaType.TEXT_PLAIN_VALUE})
    public ResponseEntity<IngestResponse> ingest(HttpServletRequest request) throws IOException, InterruptedException {
        List<ParseResult> results = parse(request);
        List<FeedbackItem> valid = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (ParseResult r : results) {
            if (r instanceof ParseResult.Valid v) {
                valid.add(v.item());
            } else if (r instanceof ParseResult.Invalid inv) {
                inv.rejections().forEach(x -> errors.add(x.toString()));
            }
        }
        int created = 0;
        int updated = 0;
        boolean stored = true;
        for (int i = 0; i < valid.size(); i += BATCH) {
            PublishReceipt receipt = await(bus.publish(valid.subList(i, Math.min(valid.size(), i + BATCH))));
            created += receipt.created();
            updated += receipt.updated();
            stored &= receipt.stored();
        }
        int rejected = (int) results.stream().filter(r -> !r.valid()).count();
        IngestResponse body = new IngestResponse(results.size(), valid.size(), created, updated, rejected, stored, errors);
        return rejected == 0 ? ResponseEntity.ok(body) : ResponseEntity.badRequest().body(body);
    }

    private List<ParseResult> parse(HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType();
        List<ParseResult> results = new ArrayList<>();
        if (type.startsWith(MediaType.APPLICATION_JSON_VALUE)) {
            // A single object, possibly pretty-printed over several lines.
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!body.isBlank()) {
                results.add(codec.decode(body.strip(), SOURCE, 1));
            }
            return results;
        }
        try (InputStream in = request.getInputStream();
                JsonLinesReader reader = new JsonLinesReader(in, SOURCE, options)) {
            reader.forEachRemaining(results::add);
        }
        return results;
    }

    private static PublishReceipt await(java.util.concurrent.CompletableFuture<PublishReceipt> f)
            throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }
}
